package dev.inferencegateway.epp.core.config;

import static dev.inferencegateway.epp.core.config.LoaderCase.loads;
import static dev.inferencegateway.epp.core.config.LoaderCase.loadsRaw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.config.EndpointPickerConfig.ProfilePlugin;
import dev.inferencegateway.epp.core.config.TestRegistry.DetectorParams;
import dev.inferencegateway.epp.core.config.TestRegistry.PickerParams;
import dev.inferencegateway.epp.core.config.TestRegistry.PrefixParams;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.scheduling.SchedulerProfile;
import dev.inferencegateway.epp.core.scheduling.WeightedScorer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The success cases of the loader table. */
final class LoaderSuccessCases {
  private LoaderSuccessCases() {}

  static final String DEFAULT_EFFECTIVE = """
      apiVersion: inference.networking.x-k8s.io/v1alpha1
      kind: EndpointPickerConfig
      plugins:
      - name: queue-scorer
        type: queue-scorer
      - name: kv-cache-utilization-scorer
        type: kv-cache-utilization-scorer
      - name: prefix-cache-scorer
        type: prefix-cache-scorer
      - name: metrics-data-source
        type: metrics-data-source
      - name: core-metrics-extractor
        type: core-metrics-extractor
      - name: single-profile-handler
        type: single-profile-handler
      - name: max-score-picker
        type: max-score-picker
      - name: openai-parser
        type: openai-parser
      - name: utilization-detector
        type: utilization-detector
      - name: approx-prefix-cache-producer
        type: approx-prefix-cache-producer
      schedulingProfiles:
      - name: default
        plugins:
        - pluginRef: queue-scorer
          weight: 2.0
        - pluginRef: kv-cache-utilization-scorer
          weight: 2.0
        - pluginRef: prefix-cache-scorer
          weight: 3.0
        - pluginRef: max-score-picker
      saturationDetector:
        pluginRef: utilization-detector
      dataLayer:
        sources:
        - pluginRef: metrics-data-source
          extractors:
          - pluginRef: core-metrics-extractor
      parser:
        pluginRef: openai-parser
      """;

  static Stream<LoaderCase> cases() {
    return Stream.of(
        new LoaderCase("built-in default: queue 2, kv-cache 2, prefix 3 plus system defaults", null,
            TestRegistry.registry(), LoaderCase.testOptions(), null, loaded -> {
              assertThat(loaded.effectiveYaml()).isEqualTo(DEFAULT_EFFECTIVE);
              assertThat(loaded.warnings()).isEmpty();
              assertThat(names(loaded.dataProducers())).containsExactly("approx-prefix-cache-producer");
              assertThat(loaded.source().description()).isEqualTo("built-in default");
            }),
        loadsRaw("empty text falls back to the built-in default with a warning", "# nothing here\n", loaded -> {
          assertThat(loaded.effectiveYaml()).isEqualTo(DEFAULT_EFFECTIVE);
          assertThat(loaded.warnings()).containsExactly(
              "the configuration in --config-text is empty; the built-in default configuration is used");
        }),
        loadsRaw("llm-d apiVersion alias is accepted", """
            apiVersion: llm-d.ai/v1alpha1
            kind: EndpointPickerConfig
            plugins: [{type: queue-scorer}]
            """, loaded -> {
              assertThat(loaded.effectiveConfig().apiVersion()).isEqualTo("llm-d.ai/v1alpha1");
              assertThat(profile(loaded, "default").scorers()).extracting(s -> s.scorer().typedName().name())
                  .containsExactly("queue-scorer");
            }),
        loadsRaw("JSON input", """
            {"apiVersion": "inference.networking.x-k8s.io/v1alpha1", "kind": "EndpointPickerConfig",
             "plugins": [{"name": "q", "type": "queue-scorer"}],
             "schedulingProfiles": [{"name": "p", "plugins": [{"pluginRef": "q", "weight": 4}]}]}
            """, loaded -> assertThat(weights(profile(loaded, "p"))).containsExactly(Map.entry("q", 4.0))),
        loads("weights as integers and floats", """
            plugins: [{type: queue-scorer}, {type: kv-cache-utilization-scorer}]
            schedulingProfiles:
            - name: default
              plugins: [{pluginRef: queue-scorer, weight: 2}, {pluginRef: kv-cache-utilization-scorer, weight: 0.25}]
            """, loaded -> assertThat(weights(profile(loaded, "default")))
                .containsExactly(Map.entry("queue-scorer", 2.0), Map.entry("kv-cache-utilization-scorer", 0.25))),
        loads("a scorer without weight gets 1.0 and an explicit picker is kept", """
            plugins: [{type: queue-scorer}, {name: pick, type: random-picker}]
            schedulingProfiles:
            - name: default
              plugins: [{pluginRef: pick}, {pluginRef: queue-scorer}]
            """, loaded -> {
              assertThat(loaded.effectiveConfig().schedulingProfiles().get(0).plugins()).containsExactly(
                  new ProfilePlugin("pick", null), new ProfilePlugin("queue-scorer", 1.0));
              assertThat(loaded.plugin("max-score-picker")).isEmpty();
            }),
        loads("no profiles: one generated with every filter, scorer and picker", """
            plugins: [{type: test-filter}, {type: queue-scorer}, {type: test-hooks}, {type: random-picker}]
            """, loaded -> {
              assertThat(loaded.effectiveConfig().schedulingProfiles().get(0)).isEqualTo(
                  new EndpointPickerConfig.SchedulingProfile("default", List.of(
                      new ProfilePlugin("test-filter", null), new ProfilePlugin("queue-scorer", 1.0),
                      new ProfilePlugin("random-picker", null))));
              assertThat(loaded.scheduler().handler().typedName().type()).isEqualTo("single-profile-handler");
            }),
        loads("the only picker is added to every profile", """
            plugins: [{type: test-profile-handler}, {type: queue-scorer}, {name: p1, type: random-picker}]
            schedulingProfiles:
            - {name: a, plugins: [{pluginRef: queue-scorer}]}
            - {name: b, plugins: [{pluginRef: queue-scorer, weight: 3}]}
            """, loaded -> {
              assertThat(loaded.scheduler().profiles().keySet()).containsExactly("a", "b");
              assertThat(loaded.scheduler().profiles().values())
                  .allSatisfy(p -> assertThat(p.picker().typedName().name()).isEqualTo("p1"));
              assertThat(loaded.plugin("single-profile-handler")).isEmpty();
            }),
        loads("empty dataLayer sources disable metrics collection", """
            plugins: [{type: queue-scorer}]
            dataLayer: {sources: []}
            """, loaded -> {
              assertThat(loaded.dataSources()).isEmpty();
              assertThat(loaded.plugin("metrics-data-source")).isEmpty();
              assertThat(loaded.warnings()).containsExactly(
                  "--config-text, line 4, column 1: no data sources configured; metrics collection is disabled");
            }),
        loads("deprecated key data is read as dataLayer with a warning", """
            plugins: [{name: m, type: metrics-data-source}, {type: core-metrics-extractor}]
            data:
              sources: [{pluginRef: m, extractors: [{pluginRef: core-metrics-extractor}]}]
            """, loaded -> {
              assertThat(loaded.warnings()).containsExactly("--config-text, line 4, column 1: DEPRECATION:"
                  + " the top-level key 'data' is deprecated; rename it to 'dataLayer' (it was read as 'dataLayer')");
              assertThat(loaded.dataSources()).singleElement().satisfies(b -> {
                assertThat(b.source().typedName().name()).isEqualTo("m");
                assertThat(names(b.extractors())).containsExactly("core-metrics-extractor");
              });
              assertThat(loaded.effectiveYaml()).contains("dataLayer:").doesNotContain("data:");
            }),
        loads("omitted dataLayer reuses a configured metrics source and adds the extractor", """
            plugins: [{name: scrape, type: metrics-data-source, parameters: {path: /stats}}, {type: queue-scorer}]
            """, loaded -> {
              assertThat(loaded.dataSources()).singleElement().satisfies(b -> {
                assertThat(b.source().typedName().name()).isEqualTo("scrape");
                assertThat(names(b.extractors())).containsExactly("core-metrics-extractor");
              });
              assertThat(loaded.plugin("metrics-data-source")).isEmpty();
            }),
        loads("a consumed key gets its default producer", """
            plugins: [{type: token-load-scorer}]
            """, loaded -> {
              assertThat(names(loaded.dataProducers())).containsExactly("inflight-load-producer");
              assertThat(loaded.effectiveConfig().plugins()).extracting(EndpointPickerConfig.PluginSpec::name)
                  .endsWith("inflight-load-producer");
            }),
        loads("prefix parameters on the scorer are moved to the producer with a warning", """
            plugins:
            - type: prefix-cache-scorer
              parameters: {blockSizeTokens: 32, lruCapacityPerServer: 1000}
            """, loaded -> {
              assertThat(parameters(loaded, "approx-prefix-cache-producer"))
                  .isEqualTo(new PrefixParams(true, 32, 256, 0, 1000));
              assertThat(loaded.warnings()).containsExactly("--config-text, line 5, column 3: DEPRECATION:"
                  + " the parameters of plugin 'prefix-cache-scorer' (type: prefix-cache-scorer) belong to its"
                  + " data producer; they were applied to plugin 'approx-prefix-cache-producer'"
                  + " (type: approx-prefix-cache-producer). Move them to a plugin entry of type"
                  + " 'approx-prefix-cache-producer'");
              assertThat(loaded.effectiveConfig().plugins().get(0).parameters()).isNull();
              assertThat(loaded.effectiveYaml()).contains("""
                  - name: approx-prefix-cache-producer
                    type: approx-prefix-cache-producer
                    parameters:
                      blockSizeTokens: 32
                      lruCapacityPerServer: 1000
                  """);
            }),
        loads("data producers run in dependency order", """
            plugins: [{type: chained-producer}, {type: approx-prefix-cache-producer, parameters: {blockSizeTokens: 8}}]
            """, loaded -> {
              assertThat(names(loaded.dataProducers())).containsExactly("approx-prefix-cache-producer", "chained-producer");
              assertThat(names(loaded.preRequests())).containsExactly("chained-producer", "approx-prefix-cache-producer");
            }),
        loads("alpha plugin loads when experimental plugins are allowed", """
            plugins: [{type: experimental-scorer}]
            """, loaded -> assertThat(loaded.plugin("experimental-scorer")).isPresent())
            .with(LoaderCase.testOptions().withAllowExperimentalPlugins(true)),
        loads("deprecated plugin type warns and names the replacement", """
            plugins: [{name: kv, type: kv-cache-scorer}]
            """, loaded -> assertThat(loaded.warnings()).containsExactly("--config-text, line 3, column 11:"
                + " DEPRECATION: plugin 'kv' uses type 'kv-cache-scorer', deprecated since v1.0; use type"
                + " 'kv-cache-utilization-scorer' instead")),
        loads("saturation detector reuses a configured utilization-detector", """
            plugins:
            - name: sd
              type: utilization-detector
              parameters: {queueDepthThreshold: 8, metricsStalenessThreshold: 1s}
            """, loaded -> {
              assertThat(loaded.saturationDetector().typedName().name()).isEqualTo("sd");
              assertThat(parameters(loaded, "sd")).isEqualTo(new DetectorParams(8, 0.8, Duration.ofSeconds(1), 0.0));
              assertThat(loaded.effectiveConfig().saturationDetector().pluginRef()).isEqualTo("sd");
              assertThat(profile(loaded, "default").filters()).extracting(f -> f.typedName().name()).containsExactly("sd");
            }),
        loads("explicit parser, saturation detector and picker parameters", """
            plugins:
            - {name: pp, type: passthrough-parser}
            - {name: pick, type: max-score-picker, parameters: {maxNumOfEndpoints: 3}}
            - {name: sd, type: utilization-detector}
            saturationDetector: {pluginRef: sd}
            parser: {pluginRef: pp}
            """, loaded -> {
              assertThat(loaded.parser().typedName().name()).isEqualTo("pp");
              assertThat(loaded.plugin("openai-parser")).isEmpty();
              assertThat(parameters(loaded, "pick")).isEqualTo(new PickerParams(3));
            }),
        loads("YAML anchors and aliases share parameters between entries", """
            plugins:
            - name: first
              type: max-score-picker
              parameters: &pick {maxNumOfEndpoints: 2}
            - name: second
              type: random-picker
              parameters: *pick
            featureGates: []
            schedulingProfiles: [{name: default, plugins: [{pluginRef: first}]}]
            """, loaded -> {
              assertThat(parameters(loaded, "first")).isEqualTo(new PickerParams(2));
              assertThat(parameters(loaded, "second")).isEqualTo(new PickerParams(2));
            }),
        loads("request-control hooks are exposed by role", """
            plugins: [{name: hooks, type: test-hooks}, {type: queue-scorer}]
            """, loaded -> {
              assertThat(names(loaded.admitters())).containsExactly("hooks");
              assertThat(names(loaded.responseHeaderProcessors())).containsExactly("hooks");
              assertThat(names(loaded.responseBodyProcessors())).containsExactly("hooks");
            }),
        loads("obsolete gates are accepted with warnings", """
            featureGates: [dataLayer, enableLegacyMetrics]
            plugins: [{type: queue-scorer}]
            """, loaded -> {
              assertThat(loaded.featureGates()).containsExactly("dataLayer", "enableLegacyMetrics");
              assertThat(loaded.warnings()).containsExactly(
                  "--config-text, line 3, column 16: feature gate 'dataLayer' is obsolete: the data layer is always enabled",
                  "--config-text, line 3, column 27: feature gate 'enableLegacyMetrics' has no effect: this build"
                      + " has a single metrics collector, the data layer");
            }),
        loads("flowControl section without its gate is decoded strictly and ignored with a warning", """
            plugins: [{type: queue-scorer}]
            flowControl:
              maxBytes: 10Gi
              defaultRequestTTL: 1m30s
              priorityBands: [{priority: 100, maxRequests: 500, maxBytes: 1k}]
            """, loaded -> {
              EndpointPickerConfig.FlowControl fc = loaded.effectiveConfig().flowControl();
              assertThat(fc.maxBytes().value()).isEqualTo(10L << 30);
              assertThat(fc.defaultRequestTTL()).isEqualTo(Duration.ofSeconds(90));
              assertThat(fc.priorityBands()).containsExactly(new EndpointPickerConfig.PriorityBand(
                  100, Quantity.parse("1k"), 500L, null, null));
              assertThat(loaded.warnings()).containsExactly("--config-text, line 4, column 1: the flowControl"
                  + " section is ignored: the 'flowControl' feature gate is not enabled");
            }));
  }

  static List<String> names(List<? extends Plugin> plugins) {
    return plugins.stream().map(p -> p.typedName().name()).toList();
  }

  static SchedulerProfile profile(LoadedConfig loaded, String name) {
    return loaded.scheduler().profiles().get(name);
  }

  static List<Map.Entry<String, Double>> weights(SchedulerProfile profile) {
    return profile.scorers().stream()
        .map((WeightedScorer s) -> Map.entry(s.scorer().typedName().name(), s.weight())).toList();
  }

  static Object parameters(LoadedConfig loaded, String plugin) {
    return ((TestPlugins.Base) loaded.plugin(plugin).orElseThrow()).parameters();
  }
}
