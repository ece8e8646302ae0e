package dev.inferencegateway.epp.core.config;

import static dev.inferencegateway.epp.core.config.LoaderCase.fails;
import static dev.inferencegateway.epp.core.config.LoaderCase.failsRaw;

import java.util.Map;
import java.util.stream.Stream;

/** The error cases of the loader table; configuration bodies start at line 3, after the header. */
final class LoaderErrorCases {
  private static final String LOAD = "failed to load the configuration - ";
  private static final String DECODE = "failed to parse config - failed to decode configuration JSON/YAML: ";
  private static final String INSTANTIATION = LOAD + "plugin instantiation failed: ";
  private static final String SCHEDULER = LOAD + "scheduler config build failed: ";

  private LoaderErrorCases() {}

  static Stream<LoaderCase> cases() {
    return Stream.of(
        fails("two pickers in one profile", """
            plugins: [{type: queue-scorer}, {name: p1, type: max-score-picker}, {name: p2, type: random-picker}]
            schedulingProfiles:
            - name: default
              plugins: [{pluginRef: p1}, {pluginRef: p2}]
            """, at(6, 30, SCHEDULER + "failed to add plugin 'p2' to profile 'default': already have a"
            + " registered picker plugin")),
        fails("undefined pluginRef", """
            plugins: [{type: queue-scorer}]
            schedulingProfiles:
            - name: default
              plugins:
              - pluginRef: queue-scorer
              - pluginRef: kv-cache
            """, at(8, 5, LOAD + "configuration validation failed: scheduling profile validation failed:"
            + " schedulingProfiles[default] references undefined plugin 'kv-cache'")),
        fails("unknown plugin type", """
            plugins:
            - name: q
              type: queue-scorerr
            """, at(5, 3, INSTANTIATION + "plugin type 'queue-scorerr' is not registered")),
        fails("duplicate plugin name", """
            plugins:
            - type: queue-scorer
            - {name: queue-scorer, type: kv-cache-utilization-scorer}
            """, at(5, 3, INSTANTIATION + "duplicate plugin name 'queue-scorer'")),
        fails("plugin without type", """
            plugins: [{name: nameless}]
            """, at(3, 11, INSTANTIATION + "plugin 'nameless' is missing a type")),
        fails("unknown feature gate", """
            featureGates: [prefixCache]
            """, at(3, 16, "failed to parse config - feature gate validation failed: feature gate"
            + " 'prefixCache' is unknown or unregistered")),
        fails("flowControl gate is refused: no flow-control layer in this build", """
            featureGates: [flowControl]
            """, at(3, 16, "failed to parse config - feature gate validation failed: feature gate"
            + " 'flowControl' is not supported: flow control is not implemented in this build (requests"
            + " are admitted directly and sheddable requests are rejected while the pool is saturated);"
            + " remove the gate")),
        fails("flowControl gate from ENABLE_EXPERIMENTAL_FLOW_CONTROL_LAYER is refused", """
            plugins: [{type: queue-scorer}]
            """, nowhere("failed to parse config - feature gate validation failed: feature gate"
            + " 'flowControl' is not supported: flow control is not implemented in this build (requests"
            + " are admitted directly and sheddable requests are rejected while the pool is saturated);"
            + " unset ENABLE_EXPERIMENTAL_FLOW_CONTROL_LAYER"))
            .with(LoaderCase.testOptions().withEnvironment(Map.of("ENABLE_EXPERIMENTAL_FLOW_CONTROL_LAYER", "true"))),
        fails("both data and dataLayer", """
            dataLayer: {sources: []}
            data: {sources: []}
            """, at(4, 1, DECODE + "both 'dataLayer' and its deprecated alias 'data' are set; keep only 'dataLayer'")),
        fails("weight on a picker", """
            plugins: [{type: queue-scorer}, {type: max-score-picker}]
            schedulingProfiles:
            - name: default
              plugins: [{pluginRef: queue-scorer}, {pluginRef: max-score-picker, weight: 2}]
            """, at(6, 70, SCHEDULER + "failed to add plugin 'max-score-picker' to profile 'default': a"
            + " weight is set but plugin 'max-score-picker' (type: max-score-picker) is not a scorer")),
        fails("a data source in a scheduling profile", """
            plugins: [{type: metrics-data-source}]
            schedulingProfiles: [{name: default, plugins: [{pluginRef: metrics-data-source}]}]
            """, at(4, 48, SCHEDULER + "failed to add plugin 'metrics-data-source' to profile 'default':"
            + " plugin 'metrics-data-source' (type: metrics-data-source) is not a filter, scorer or picker")),
        fails("single profile handler with two profiles", """
            plugins: [{type: single-profile-handler}, {type: queue-scorer}]
            schedulingProfiles:
            - {name: a, plugins: [{pluginRef: queue-scorer}]}
            - {name: b, plugins: [{pluginRef: queue-scorer}]}
            """, at(3, 11, SCHEDULER + "SingleProfileHandler cannot support multiple scheduling profiles")),
        fails("two profile handlers", """
            plugins: [{type: single-profile-handler}, {name: h2, type: test-profile-handler}]
            """, at(3, 43, SCHEDULER + "multiple profile handlers found ('single-profile-handler', 'h2');"
            + " only one is allowed")),
        fails("two profiles without a handler", """
            plugins: [{type: queue-scorer}]
            schedulingProfiles:
            - {name: a, plugins: [{pluginRef: queue-scorer}]}
            - {name: b, plugins: [{pluginRef: queue-scorer}]}
            """, nowhere(SCHEDULER + "no profile handler configured")),
        fails("several pickers and a profile without one", """
            plugins: [{type: test-profile-handler}, {type: queue-scorer}, {name: x, type: max-score-picker},
                      {name: y, type: random-picker}]
            schedulingProfiles:
            - {name: a, plugins: [{pluginRef: queue-scorer}, {pluginRef: x}]}
            - {name: b, plugins: [{pluginRef: queue-scorer}]}
            """, at(7, 3, LOAD + "system default application failed: scheduling profile 'b' has no picker"
            + " and several pickers are configured ('x', 'y'); add one of them to the profile")),
        fails("duplicate profile names", """
            plugins: [{type: test-profile-handler}, {type: queue-scorer}]
            schedulingProfiles:
            - {name: a, plugins: [{pluginRef: queue-scorer}]}
            - {name: a, plugins: [{pluginRef: queue-scorer}]}
            """, at(6, 4, LOAD + "configuration validation failed: scheduling profile validation failed:"
            + " schedulingProfiles[1] has duplicate name 'a'")),
        fails("profile without a name", """
            plugins: [{type: queue-scorer}]
            schedulingProfiles: [{plugins: [{pluginRef: queue-scorer}]}]
            """, at(4, 22, LOAD + "configuration validation failed: scheduling profile validation failed:"
            + " schedulingProfiles[0] is missing a name")),
        fails("data producer cycle", """
            plugins: [{type: cycle-a}, {type: cycle-b}]
            """, at(3, 11, LOAD + "data dependency validation failed: cycle detected: graph is not a DAG:"
            + " cycle-a -> cycle-b -> cycle-a")),
        fails("data key type mismatch", """
            plugins: [{type: approx-prefix-cache-producer}, {type: wrong-type-consumer}]
            """, at(3, 49, LOAD + "data dependency validation failed: data type mismatch between produced"
            + " and consumed data for key: PrefixCacheMatchInfo (plugin 'approx-prefix-cache-producer'"
            + " (type: approx-prefix-cache-producer) produces PrefixMatch, plugin 'wrong-type-consumer'"
            + " (type: wrong-type-consumer) consumes String)")),
        fails("consumed key without any producer", """
            plugins: [{name: lonely, type: orphan-consumer}]
            """, at(3, 11, LOAD + "data dependency validation failed: plugin 'lonely' (type: orphan-consumer)"
            + " consumes OrphanKey, but no plugin produces it and no default producer is registered for it")),
        fails("prefix parameters on the scorer and an explicit producer", """
            plugins:
            - type: approx-prefix-cache-producer
            - type: prefix-cache-scorer
              parameters: {blockSizeTokens: 32}
            """, at(6, 3, INSTANTIATION + "plugin 'prefix-cache-scorer' (type: prefix-cache-scorer) has"
            + " parameters that belong to the producer of PrefixCacheMatchInfo, and plugin"
            + " 'approx-prefix-cache-producer' (type: approx-prefix-cache-producer) is configured too:"
            + " move the parameters to plugin 'approx-prefix-cache-producer'")),
        fails("invalid forwarded prefix parameter names the scorer's line", """
            plugins:
            - type: prefix-cache-scorer
              parameters:
                blockSizeTokens: 0
            """, at(6, 5, INSTANTIATION + "failed to create plugin 'approx-prefix-cache-producer' (type:"
            + " approx-prefix-cache-producer): parameter 'blockSizeTokens': must be > 0, got 0")),
        fails("unknown parameter names plugin, field and line", """
            plugins:
            - name: picker
              type: max-score-picker
              parameters:
                maxNumOfEndpoint: 2
            """, at(7, 5, INSTANTIATION + "failed to create plugin 'picker' (type: max-score-picker):"
            + " parameter 'maxNumOfEndpoint': unknown parameter (known: maxNumOfEndpoints)")),
        fails("out-of-range parameter", """
            plugins:
            - name: sd
              type: utilization-detector
              parameters: {kvCacheUtilThreshold: 1.5}
            """, at(6, 16, INSTANTIATION + "failed to create plugin 'sd' (type: utilization-detector):"
            + " parameter 'kvCacheUtilThreshold': must be in (0, 1], got 1.5")),
        fails("invalid Go duration parameter", """
            plugins: [{type: utilization-detector, parameters: {metricsStalenessThreshold: 5 seconds}}]
            """, at(3, 53, INSTANTIATION + "failed to create plugin 'utilization-detector' (type:"
            + " utilization-detector): parameter 'metricsStalenessThreshold': invalid value '5 seconds'"
            + " (expected Duration)")),
        failsRaw("wrong kind", """
            apiVersion: inference.networking.x-k8s.io/v1alpha1
            kind: InferencePool
            """, at(2, 1, DECODE + "no kind 'InferencePool' is registered for version"
            + " 'inference.networking.x-k8s.io/v1alpha1' (expected 'EndpointPickerConfig')")),
        failsRaw("wrong apiVersion", """
            apiVersion: inference.networking.k8s.io/v1
            kind: EndpointPickerConfig
            """, at(1, 1, DECODE + "unsupported apiVersion 'inference.networking.k8s.io/v1' (expected"
            + " 'inference.networking.x-k8s.io/v1alpha1' or 'llm-d.ai/v1alpha1')")),
        failsRaw("missing apiVersion", """
            kind: EndpointPickerConfig
            """, at(1, 1, DECODE + "apiVersion is missing (expected"
            + " 'inference.networking.x-k8s.io/v1alpha1' or 'llm-d.ai/v1alpha1')")),
        fails("YAML syntax error reports its line", """
            plugins:
            - type: queue-scorer
            schedulingProfiles:
            - name: default
              plugins:
              - pluginRef: max: score: picker
            """, at(8, 19, DECODE + "mapping values are not allowed here")),
        failsRaw("JSON syntax error reports its line", """
            {"apiVersion": "inference.networking.x-k8s.io/v1alpha1",
             "kind": "EndpointPickerConfig",
             "plugins": [{"type": "queue-scorer"},]}
            """, at(3, 39, DECODE + "Unexpected character (']' (code 93)): expected a valid value (JSON String, Number, Array,"
            + " Object or token 'null', 'true' or 'false')")),
        failsRaw("a document that is not a mapping", """
            - apiVersion: inference.networking.x-k8s.io/v1alpha1
            """, at(1, 1, DECODE + "the document must be an object, got a list")),
        fails("two YAML documents", """
            plugins: [{type: queue-scorer}]
            ---
            plugins: [{type: kv-cache-utilization-scorer}]
            """, at(5, 1, DECODE + "more than one YAML document; the configuration must be a single document")),
        fails("duplicate YAML key", """
            plugins:
            - type: queue-scorer
              type: kv-cache-utilization-scorer
            """, at(5, 3, DECODE + "strict decoding error: duplicate field \"plugins[0].type\"")),
        fails("unknown top-level field", """
            requestHandler: {parsers: [{pluginRef: openai-parser}]}
            """, at(3, 1, DECODE + "strict decoding error: unknown field \"requestHandler\" (known fields:"
            + " apiVersion, kind, featureGates, plugins, schedulingProfiles, saturationDetector, dataLayer,"
            + " data, flowControl, parser)")),
        fails("unknown field in a profile entry", """
            plugins: [{type: queue-scorer}]
            schedulingProfiles:
            - name: default
              plugins:
              - pluginRef: queue-scorer
                wieght: 2
            """, at(8, 5, DECODE + "strict decoding error: unknown field"
            + " \"schedulingProfiles[0].plugins[0].wieght\" (known fields: pluginRef, weight)")),
        fails("weight that is not a number", """
            plugins: [{type: queue-scorer}]
            schedulingProfiles: [{name: default, plugins: [{pluginRef: queue-scorer, weight: heavy}]}]
            """, at(4, 74, DECODE + "field \"schedulingProfiles[0].plugins[0].weight\" must be a finite"
            + " number, got string \"heavy\"")),
        fails("alpha plugin refused without the option", """
            plugins: [{name: exp, type: experimental-scorer}]
            """, at(3, 11, INSTANTIATION + "plugin 'exp' (type: 'experimental-scorer') has Alpha stability"
            + " level, but command line flag --allow-experimental-plugins is not set")),
        fails("saturation detector reference undefined", """
            plugins: [{type: queue-scorer}]
            saturationDetector: {pluginRef: detector}
            """, at(4, 1, LOAD + "saturation detector plugin 'detector' not found")),
        fails("saturation detector reference to a non-detector", """
            plugins: [{type: queue-scorer}]
            saturationDetector: {pluginRef: queue-scorer}
            """, at(4, 22, LOAD + "plugin 'queue-scorer' is not a SaturationDetector")),
        fails("parser reference to a non-parser", """
            plugins: [{type: queue-scorer}]
            parser: {pluginRef: queue-scorer}
            """, at(4, 10, LOAD + "parser config build failed: the plugin 'queue-scorer' is not a parser plugin")),
        fails("data source that is not a DataSource", """
            plugins: [{type: queue-scorer}, {type: core-metrics-extractor}]
            dataLayer:
              sources:
              - pluginRef: queue-scorer
                extractors: [{pluginRef: core-metrics-extractor}]
            """, at(6, 5, LOAD + "data layer config build failed: the plugin queue-scorer is not a DataSource")),
        fails("extractor that does not accept the source's output", """
            plugins: [{type: number-source}, {type: core-metrics-extractor}]
            dataLayer:
              sources:
              - pluginRef: number-source
                extractors: [{pluginRef: core-metrics-extractor}]
            """, at(7, 19, LOAD + "data layer config build failed: extractor core-metrics-extractor accepts"
            + " RawMetrics but data source number-source produces Integer")),
        fails("default plugin type missing from the registry", """
            plugins: [{type: queue-scorer}]
            """, nowhere(LOAD + "system default application failed: plugin type 'max-score-picker' not"
            + " found in registry (it is needed as the picker of profiles without one)"))
            .with(TestRegistry.registryWithout("max-score-picker")));
  }

  private static String at(int line, int column, String detail) {
    return "invalid configuration (--config-text, line " + line + ", column " + column + "): " + detail;
  }

  private static String nowhere(String detail) {
    return "invalid configuration (--config-text): " + detail;
  }
}
