package dev.inferencegateway.epp.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.PluginParameterException;
import dev.inferencegateway.epp.plugins.filter.bylabel.ByLabelFilter;
import dev.inferencegateway.epp.plugins.filter.concurrency.ConcurrencyDetector;
import dev.inferencegateway.epp.plugins.filter.prefixaffinity.PrefixCacheAffinityFilter;
import dev.inferencegateway.epp.plugins.filter.utilization.UtilizationDetector;
import dev.inferencegateway.epp.plugins.picker.PickerParameters;
import dev.inferencegateway.epp.plugins.picker.maxscore.MaxScorePicker;
import dev.inferencegateway.epp.plugins.picker.random.RandomPicker;
import dev.inferencegateway.epp.plugins.picker.weightedrandom.WeightedRandomPicker;
import dev.inferencegateway.epp.plugins.producer.prefix.ApproxPrefixCacheProducer;
import dev.inferencegateway.epp.plugins.producer.prefix.PrefixCacheParameters;
import dev.inferencegateway.epp.plugins.scorer.loadaware.LoadAwareScorer;
import dev.inferencegateway.epp.plugins.scorer.queue.QueueScorer;
import dev.inferencegateway.epp.plugins.scorer.tokenload.TokenLoadScorer;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream defaults, accepted aliases, and errors that name the plugin and the field. */
class ParametersTest {
  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("maxNumOfEndpoints 0 is an error", MaxScorePicker.DESCRIPTOR, "{\"maxNumOfEndpoints\": 0}", "maxNumOfEndpoints"),
        Arguments.of("negative maxNumOfEndpoints", RandomPicker.DESCRIPTOR, "{\"maxNumOfEndpoints\": -2}", "maxNumOfEndpoints"),
        Arguments.of("weighted picker unknown key", WeightedRandomPicker.DESCRIPTOR, "{\"maxEndpoints\": 2}", "maxEndpoints"),
        Arguments.of("queue-scorer takes no parameters", QueueScorer.DESCRIPTOR, "{\"threshold\": 2}", "threshold"),
        Arguments.of("token threshold 0", TokenLoadScorer.DESCRIPTOR, "{\"queueThresholdTokens\": 0}", "queueThresholdTokens"),
        Arguments.of("load-aware threshold negative", LoadAwareScorer.DESCRIPTOR, "{\"threshold\": -1}", "threshold"),
        Arguments.of("queue depth 0", UtilizationDetector.DESCRIPTOR, "{\"queueDepthThreshold\": 0}", "queueDepthThreshold"),
        Arguments.of("kv threshold above 1", UtilizationDetector.DESCRIPTOR, "{\"kvCacheUtilThreshold\": 1.5}", "kvCacheUtilThreshold"),
        Arguments.of("kv threshold 0", UtilizationDetector.DESCRIPTOR, "{\"kvCacheUtilThreshold\": 0.0}", "kvCacheUtilThreshold"),
        Arguments.of("staleness 0s", UtilizationDetector.DESCRIPTOR, "{\"metricsStalenessThreshold\": \"0s\"}", "metricsStalenessThreshold"),
        Arguments.of("staleness not a duration", UtilizationDetector.DESCRIPTOR, "{\"metricsStalenessThreshold\": \"soon\"}", "metricsStalenessThreshold"),
        Arguments.of("negative headroom", UtilizationDetector.DESCRIPTOR, "{\"headroom\": -0.5}", "headroom"),
        Arguments.of("unknown concurrency mode", ConcurrencyDetector.DESCRIPTOR, "{\"concurrencyMode\": \"magic\"}", "concurrencyMode"),
        Arguments.of("max concurrency 0", ConcurrencyDetector.DESCRIPTOR, "{\"maxConcurrency\": 0}", "maxConcurrency"),
        Arguments.of("max token concurrency 0", ConcurrencyDetector.DESCRIPTOR, "{\"maxTokenConcurrency\": 0}", "maxTokenConcurrency"),
        Arguments.of("max concurrency wrong type", ConcurrencyDetector.DESCRIPTOR, "{\"maxConcurrency\": \"ten\"}", "maxConcurrency"),
        Arguments.of("affinity threshold above 1", PrefixCacheAffinityFilter.DESCRIPTOR, "{\"affinityThreshold\": 1.2}", "affinityThreshold"),
        Arguments.of("exploration above 1", PrefixCacheAffinityFilter.DESCRIPTOR, "{\"explorationProbability\": 2}", "explorationProbability"),
        Arguments.of("negative TTFT penalty", PrefixCacheAffinityFilter.DESCRIPTOR, "{\"maxTTFTPenaltyMs\": -1}", "maxTTFTPenaltyMs"),
        Arguments.of("by-label without label", ByLabelFilter.DESCRIPTOR, "{\"validValues\": [\"a\"]}", "label"),
        Arguments.of("by-label empty label", ByLabelFilter.DESCRIPTOR, "{\"label\": \"\", \"validValues\": [\"a\"]}", "label"),
        Arguments.of("by-label nothing could pass", ByLabelFilter.DESCRIPTOR, "{\"label\": \"role\"}", "validValues"),
        Arguments.of("by-label values not a list", ByLabelFilter.DESCRIPTOR, "{\"label\": \"role\", \"validValues\": \"a\"}", "validValues"),
        Arguments.of("block size tokens 0", ApproxPrefixCacheProducer.DESCRIPTOR, "{\"blockSizeTokens\": 0}", "blockSizeTokens"),
        Arguments.of("max blocks 0", ApproxPrefixCacheProducer.DESCRIPTOR, "{\"maxPrefixBlocksToMatch\": 0}", "maxPrefixBlocksToMatch"),
        Arguments.of("negative max tokens", ApproxPrefixCacheProducer.DESCRIPTOR, "{\"maxPrefixTokensToMatch\": -1}", "maxPrefixTokensToMatch"),
        Arguments.of("lru capacity 0", ApproxPrefixCacheProducer.DESCRIPTOR, "{\"lruCapacityPerServer\": 0}", "lruCapacityPerServer"),
        Arguments.of("hashBlockSize not a multiple of 4", ApproxPrefixCacheProducer.DESCRIPTOR, "{\"hashBlockSize\": 10}", "hashBlockSize"),
        Arguments.of("blockSize contradicts blockSizeTokens", ApproxPrefixCacheProducer.DESCRIPTOR,
            "{\"blockSize\": 64, \"blockSizeTokens\": 32}", "blockSizeTokens"),
        Arguments.of("blockSize contradicts hashBlockSize", ApproxPrefixCacheProducer.DESCRIPTOR,
            "{\"blockSize\": 64, \"hashBlockSize\": 128}", "blockSize"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidParameter_namesPluginAndField(String name, PluginDescriptor<?> descriptor, String json, String field) {
    assertThatThrownBy(() -> Fixtures.parameters(descriptor, "my-" + descriptor.type(), json))
        .isInstanceOf(PluginParameterException.class)
        .hasMessageContaining("plugin 'my-" + descriptor.type() + "' (type: " + descriptor.type() + ")")
        .hasMessageContaining("'" + field + "'")
        .satisfies(e -> assertThat(((PluginParameterException) e).field()).isEqualTo(field));
  }

  @Test
  void defaults_followUpstream() {
    PrefixCacheParameters prefix = Fixtures.parameters(ApproxPrefixCacheProducer.DESCRIPTOR, "p", null);
    UtilizationDetector.Parameters utilization = Fixtures.parameters(UtilizationDetector.DESCRIPTOR, "u", null);
    ConcurrencyDetector.Parameters concurrency = Fixtures.parameters(ConcurrencyDetector.DESCRIPTOR, "c", null);
    PrefixCacheAffinityFilter.Parameters affinity = Fixtures.parameters(PrefixCacheAffinityFilter.DESCRIPTOR, "a", null);

    assertThat(prefix).isEqualTo(new PrefixCacheParameters(true, 16, 256, 0, 31250, null, null));
    assertThat(prefix.maxBlocks(16)).isEqualTo(256);
    assertThat(utilization).isEqualTo(new UtilizationDetector.Parameters(5, 0.8, Duration.ofMillis(200), 0.0));
    assertThat(concurrency).isEqualTo(new ConcurrencyDetector.Parameters("requests", 100L, 1_000_000L, 0.0));
    assertThat(affinity).isEqualTo(new PrefixCacheAffinityFilter.Parameters(0.8, 0.01, 5000.0));
    assertThat((PickerParameters) Fixtures.parameters(MaxScorePicker.DESCRIPTOR, "m", null)).isEqualTo(new PickerParameters(1));
    assertThat(((TokenLoadScorer.Parameters) Fixtures.parameters(TokenLoadScorer.DESCRIPTOR, "t", null))
        .queueThresholdTokens()).isEqualTo(4_194_304L);
    assertThat(((LoadAwareScorer.Parameters) Fixtures.parameters(LoadAwareScorer.DESCRIPTOR, "l", null))
        .threshold()).isEqualTo(128);
  }

  @Test
  void prefixParameters_characterBlockSizesBecomeTokens() {
    PrefixCacheParameters v1 = Fixtures.parameters(ApproxPrefixCacheProducer.DESCRIPTOR, "p", "{\"hashBlockSize\": 64}");
    PrefixCacheParameters deprecated = Fixtures.parameters(ApproxPrefixCacheProducer.DESCRIPTOR, "p", "{\"blockSize\": 128}");
    PrefixCacheParameters consistent = Fixtures.parameters(ApproxPrefixCacheProducer.DESCRIPTOR, "p",
        "{\"blockSize\": 128, \"blockSizeTokens\": 32}");
    PrefixCacheParameters byTokens = Fixtures.parameters(ApproxPrefixCacheProducer.DESCRIPTOR, "p",
        "{\"maxPrefixTokensToMatch\": 1000}");

    assertThat(v1.blockSizeTokens()).isEqualTo(16);
    assertThat(deprecated.blockSizeTokens()).isEqualTo(32);
    assertThat(consistent.blockSizeTokens()).isEqualTo(32);
    assertThat(byTokens.maxBlocks(16)).isEqualTo(62);
    assertThat(byTokens.maxBlocks(32)).isEqualTo(31);
  }

  @Test
  void deprecatedCharacterBlockSize_warnsAtCreation() {
    var handle = dev.inferencegateway.epp.core.testing.TestHandles.handle();
    var producer = (ApproxPrefixCacheProducer) Fixtures.create(ApproxPrefixCacheProducer.DESCRIPTOR, "p",
        "{\"blockSize\": 64}", handle);
    producer.close();

    assertThat(handle.warnings()).singleElement().asString().contains("'blockSize'").contains("blockSizeTokens: 16");
  }

  @Test
  void byLabel_acceptsUpstreamShapes() {
    ByLabelFilter.Parameters p = Fixtures.parameters(ByLabelFilter.DESCRIPTOR, "b",
        "{\"label\": \"llm-d.ai/role\", \"allowsNoLabel\": true}");

    assertThat(p.validValues()).isEqualTo(List.of());
    assertThat(p.allowsNoLabel()).isTrue();
  }
}
