package dev.inferencegateway.epp.core.config;

import static dev.inferencegateway.epp.core.config.TestPlugins.CHAINED;
import static dev.inferencegateway.epp.core.config.TestPlugins.CYCLE_A;
import static dev.inferencegateway.epp.core.config.TestPlugins.CYCLE_B;
import static dev.inferencegateway.epp.core.config.TestPlugins.IN_FLIGHT;
import static dev.inferencegateway.epp.core.config.TestPlugins.ORPHAN;
import static dev.inferencegateway.epp.core.config.TestPlugins.PREFIX_MATCH;

import dev.inferencegateway.epp.core.config.TestPlugins.AllProfilesHandler;
import dev.inferencegateway.epp.core.config.TestPlugins.Detector;
import dev.inferencegateway.epp.core.config.TestPlugins.FixedScorer;
import dev.inferencegateway.epp.core.config.TestPlugins.Hooks;
import dev.inferencegateway.epp.core.config.TestPlugins.KeyProducer;
import dev.inferencegateway.epp.core.config.TestPlugins.MetricsExtractor;
import dev.inferencegateway.epp.core.config.TestPlugins.OpaqueParser;
import dev.inferencegateway.epp.core.config.TestPlugins.PassFilter;
import dev.inferencegateway.epp.core.config.TestPlugins.RawMetrics;
import dev.inferencegateway.epp.core.config.TestPlugins.TopPicker;
import dev.inferencegateway.epp.core.config.TestPlugins.TypedSource;
import dev.inferencegateway.epp.core.plugin.DataKey;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.PluginRegistry;
import dev.inferencegateway.epp.core.plugin.Stability;
import dev.inferencegateway.epp.core.plugin.TypedName;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** A registry of {@link TestPlugins} under the upstream type names the loader's defaults use. */
final class TestRegistry {
  private TestRegistry() {}

  /** Parameters of the test prefix producer, with upstream's names and defaults. */
  record PrefixParams(Boolean autoTune, Integer blockSizeTokens, Integer maxPrefixBlocksToMatch,
      Integer maxPrefixTokensToMatch, Integer lruCapacityPerServer) {
    PrefixParams {
      autoTune = autoTune == null || autoTune;
      blockSizeTokens = blockSizeTokens == null ? 16 : blockSizeTokens;
      maxPrefixBlocksToMatch = maxPrefixBlocksToMatch == null ? 256 : maxPrefixBlocksToMatch;
      maxPrefixTokensToMatch = maxPrefixTokensToMatch == null ? 0 : maxPrefixTokensToMatch;
      lruCapacityPerServer = lruCapacityPerServer == null ? 31250 : lruCapacityPerServer;
      if (blockSizeTokens <= 0) {
        throw new IllegalArgumentException("'blockSizeTokens' must be > 0, got " + blockSizeTokens);
      }
    }
  }

  /** Parameters of the test pickers. */
  record PickerParams(Integer maxNumOfEndpoints) {
    PickerParams {
      maxNumOfEndpoints = maxNumOfEndpoints == null ? 1 : maxNumOfEndpoints;
      if (maxNumOfEndpoints < 1) {
        throw new IllegalArgumentException("'maxNumOfEndpoints' must be >= 1, got " + maxNumOfEndpoints);
      }
    }
  }

  /** Parameters of the test utilization detector. */
  record DetectorParams(Integer queueDepthThreshold, Double kvCacheUtilThreshold,
      Duration metricsStalenessThreshold, Double headroom) {
    DetectorParams {
      queueDepthThreshold = queueDepthThreshold == null ? 5 : queueDepthThreshold;
      kvCacheUtilThreshold = kvCacheUtilThreshold == null ? 0.8 : kvCacheUtilThreshold;
      metricsStalenessThreshold = metricsStalenessThreshold == null
          ? Duration.ofMillis(200) : metricsStalenessThreshold;
      headroom = headroom == null ? 0.0 : headroom;
      if (kvCacheUtilThreshold <= 0 || kvCacheUtilThreshold > 1) {
        throw new IllegalArgumentException("'kvCacheUtilThreshold' must be in (0, 1], got " + kvCacheUtilThreshold);
      }
    }
  }

  /** Parameters of the test metrics source. */
  record SourceParams(String scheme, String path, Boolean insecureSkipVerify) {}

  /** Parameters of the test metrics extractor. */
  record ExtractorParams(String engineLabelKey, String defaultEngine) {}

  /** Returns the full test registry. */
  static PluginRegistry registry() {
    return PluginRegistry.of(descriptors());
  }

  /** Returns the test registry without the given types. */
  static PluginRegistry registryWithout(String... types) {
    List<String> excluded = Arrays.asList(types);
    return PluginRegistry.of(descriptors().stream().filter(d -> !excluded.contains(d.type())).toList());
  }

  static List<PluginDescriptor<?>> descriptors() {
    return List.of(
        scorer("queue-scorer"),
        scorer("kv-cache-utilization-scorer"),
        scorer("lora-affinity-scorer"),
        scorer("running-requests-size-scorer"),
        PluginDescriptor.withoutParameters("prefix-cache-scorer",
                (n, p, h) -> new FixedScorer(new TypedName("prefix-cache-scorer", n), p, Set.of(PREFIX_MATCH)))
            .forwardsParametersTo(PREFIX_MATCH).build(),
        PluginDescriptor.withoutParameters("token-load-scorer",
            (n, p, h) -> new FixedScorer(new TypedName("token-load-scorer", n), p, Set.of(IN_FLIGHT))).build(),
        PluginDescriptor.builder("approx-prefix-cache-producer", PrefixParams.class,
                (n, p, h) -> new KeyProducer(new TypedName("approx-prefix-cache-producer", n), p,
                    Set.of(PREFIX_MATCH), Set.of()))
            .defaultProducerFor(PREFIX_MATCH).build(),
        producer("inflight-load-producer", Set.of(IN_FLIGHT), Set.of(), true),
        producer("chained-producer", Set.of(CHAINED), Set.of(PREFIX_MATCH), false),
        producer("cycle-a", Set.of(CYCLE_A), Set.of(CYCLE_B), false),
        producer("cycle-b", Set.of(CYCLE_B), Set.of(CYCLE_A), false),
        PluginDescriptor.builder("max-score-picker", PickerParams.class,
            (n, p, h) -> new TopPicker(new TypedName("max-score-picker", n), p)).build(),
        PluginDescriptor.builder("random-picker", PickerParams.class,
            (n, p, h) -> new TopPicker(new TypedName("random-picker", n), p)).build(),
        PluginDescriptor.withoutParameters("single-profile-handler",
            (n, p, h) -> new AllProfilesHandler(new TypedName("single-profile-handler", n), p)).build(),
        PluginDescriptor.withoutParameters("test-profile-handler",
            (n, p, h) -> new AllProfilesHandler(new TypedName("test-profile-handler", n), p)).build(),
        PluginDescriptor.withoutParameters("openai-parser",
            (n, p, h) -> new OpaqueParser(new TypedName("openai-parser", n), p)).build(),
        PluginDescriptor.withoutParameters("passthrough-parser",
            (n, p, h) -> new OpaqueParser(new TypedName("passthrough-parser", n), p)).build(),
        PluginDescriptor.builder("utilization-detector", DetectorParams.class,
            (n, p, h) -> new Detector(new TypedName("utilization-detector", n), p)).build(),
        PluginDescriptor.builder("metrics-data-source", SourceParams.class,
            (n, p, h) -> new TypedSource(new TypedName("metrics-data-source", n), p, RawMetrics.class)).build(),
        PluginDescriptor.withoutParameters("number-source",
            (n, p, h) -> new TypedSource(new TypedName("number-source", n), p, Integer.class)).build(),
        PluginDescriptor.builder("core-metrics-extractor", ExtractorParams.class,
            (n, p, h) -> new MetricsExtractor(new TypedName("core-metrics-extractor", n), p)).build(),
        PluginDescriptor.withoutParameters("test-filter",
            (n, p, h) -> new PassFilter(new TypedName("test-filter", n), p)).build(),
        PluginDescriptor.withoutParameters("test-hooks",
            (n, p, h) -> new Hooks(new TypedName("test-hooks", n), p)).build(),
        PluginDescriptor.withoutParameters("wrong-type-consumer",
            (n, p, h) -> new FixedScorer(new TypedName("wrong-type-consumer", n), p,
                Set.of(DataKey.of("PrefixCacheMatchInfo", String.class)))).build(),
        PluginDescriptor.withoutParameters("orphan-consumer",
            (n, p, h) -> new FixedScorer(new TypedName("orphan-consumer", n), p, Set.of(ORPHAN))).build(),
        PluginDescriptor.withoutParameters("experimental-scorer",
                (n, p, h) -> new FixedScorer(new TypedName("experimental-scorer", n), p, Set.of()))
            .stability(Stability.ALPHA).build(),
        PluginDescriptor.withoutParameters("kv-cache-scorer",
                (n, p, h) -> new FixedScorer(new TypedName("kv-cache-scorer", n), p, Set.of()))
            .deprecated("v1.0", "kv-cache-utilization-scorer").build());
  }

  private static PluginDescriptor<?> scorer(String type) {
    return PluginDescriptor.withoutParameters(type,
        (n, p, h) -> new FixedScorer(new TypedName(type, n), p, Set.of())).build();
  }

  private static PluginDescriptor<?> producer(String type, Set<DataKey<?>> produces,
      Set<DataKey<?>> consumes, boolean isDefault) {
    PluginDescriptor.Builder<?> builder = PluginDescriptor.withoutParameters(type,
        (n, p, h) -> new KeyProducer(new TypedName(type, n), p, produces, consumes));
    if (isDefault) {
      builder.defaultProducerFor(produces.toArray(DataKey<?>[]::new));
    }
    return builder.build();
  }
}
