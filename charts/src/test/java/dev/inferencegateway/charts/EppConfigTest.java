package dev.inferencegateway.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The EndpointPickerConfig files of the EPP ConfigMap and the --config-file that selects one. */
class EppConfigTest {

    private static final String RELEASE = "vllm-deepseek-r1";
    private static final String EPP = RELEASE + "-epp";

    private static Charts pool() {
        return Charts.render("inferencepool").release(RELEASE)
                .set("inferencePool.modelServers.matchLabels.app", RELEASE);
    }

    private static JsonNode configFile(Manifest manifest, String file) {
        JsonNode text = manifest.get("ConfigMap", EPP).path("data").path(file);
        assertThat(text.isTextual()).as("ConfigMap key %s", file).isTrue();
        return Manifest.parseYaml(text.asText());
    }

    private static List<String> pluginTypes(JsonNode config) {
        List<String> types = new ArrayList<>();
        config.path("plugins").forEach(plugin -> types.add(plugin.path("type").asText()));
        return types;
    }

    private static JsonNode plugin(JsonNode config, String type) {
        for (JsonNode plugin : config.path("plugins")) {
            if (type.equals(plugin.path("type").asText())) {
                return plugin;
            }
        }
        throw new AssertionError("no plugin " + type + " in " + config);
    }

    @Test
    void defaultConfigWeighsQueueKvCacheAndPrefixCacheTwoTwoThree() {
        JsonNode config = configFile(pool().manifest(), "default-plugins.yaml");

        assertThat(config.path("apiVersion").asText()).isEqualTo("inference.networking.x-k8s.io/v1alpha1");
        assertThat(config.path("kind").asText()).isEqualTo("EndpointPickerConfig");
        assertThat(pluginTypes(config)).containsExactly("queue-scorer", "kv-cache-utilization-scorer",
                "prefix-cache-scorer", "metrics-data-source", "core-metrics-extractor");
        assertThat(plugin(config, "metrics-data-source").path("parameters").toString())
                .isEqualTo("{\"scheme\":\"http\",\"path\":\"/metrics\",\"insecureSkipVerify\":true}");
        assertThat(plugin(config, "core-metrics-extractor").has("parameters")).isFalse();
        assertThat(config.at("/schedulingProfiles/0/name").asText()).isEqualTo("default");
        assertThat(config.at("/schedulingProfiles/0/plugins").toString()).isEqualTo(
                "[{\"pluginRef\":\"queue-scorer\",\"weight\":2},{\"pluginRef\":\"kv-cache-utilization-scorer\","
                        + "\"weight\":2},{\"pluginRef\":\"prefix-cache-scorer\",\"weight\":3}]");
        assertThat(config.at("/dataLayer/sources/0/pluginRef").asText()).isEqualTo("metrics-data-source");
        assertThat(config.at("/dataLayer/sources/0/extractors/0/pluginRef").asText())
                .isEqualTo("core-metrics-extractor");
        assertThat(config.has("parser")).isFalse();
    }

    @Test
    void nonVllmServersSetTheExtractorEngineInsteadOfDeprecatedFlags() {
        for (String engine : List.of("sglang", "triton-tensorrt-llm", "trtllm-serve")) {
            Manifest manifest = pool().set("inferencePool.modelServerType", engine).manifest();

            JsonNode config = configFile(manifest, "default-plugins.yaml");
            assertThat(plugin(config, "core-metrics-extractor").at("/parameters/defaultEngine").asText())
                    .isEqualTo(engine);
            assertThat(Manifest.texts(Manifest.container(manifest.get("Deployment", EPP), "epp").path("args")))
                    .noneMatch(arg -> arg.endsWith("-metric") || arg.contains("-metric="));
        }
    }

    @Test
    void trtllmServeIsScrapedUnderPrometheusMetrics() {
        JsonNode config = configFile(pool().set("inferencePool.modelServerType", "trtllm-serve").manifest(),
                "default-plugins.yaml");

        assertThat(plugin(config, "metrics-data-source").at("/parameters/path").asText())
                .isEqualTo("/prometheus/metrics");
    }

    @Test
    void metricsDataSourceValuesAreHonoured() {
        JsonNode config = configFile(pool()
                .set("inferenceExtension.metricsDataSource.scheme", "https")
                .set("inferenceExtension.metricsDataSource.path", "/stats")
                .set("inferenceExtension.metricsDataSource.insecureSkipVerify", false)
                .manifest(), "default-plugins.yaml");

        assertThat(plugin(config, "metrics-data-source").path("parameters").toString())
                .isEqualTo("{\"scheme\":\"https\",\"path\":\"/stats\",\"insecureSkipVerify\":false}");
    }

    @Test
    void grpcVllmServersGetTheGrpcParserAndH2c() {
        Manifest manifest = pool().set("inferencePool.modelServerProtocol", "grpc").manifest();

        JsonNode config = configFile(manifest, "default-plugins.yaml");
        assertThat(pluginTypes(config)).contains("vllmgrpc-parser");
        assertThat(config.at("/parser/pluginRef").asText()).isEqualTo("vllmgrpc-parser");
        assertThat(manifest.get("InferencePool", RELEASE).at("/spec/appProtocol").asText())
                .isEqualTo("kubernetes.io/h2c");
    }

    @Test
    void anExplicitParserIsConfigured() {
        JsonNode config = configFile(pool().set("inferencePool.parser", "passthrough-parser").manifest(),
                "default-plugins.yaml");

        assertThat(config.at("/parser/pluginRef").asText()).isEqualTo("passthrough-parser");
    }

    @Test
    void customConfigFilesAreAddedAndSelectedByPluginsConfigFile() {
        Manifest manifest = pool().values("""
                inferenceExtension:
                  pluginsConfigFile: conformance.yaml
                  pluginsCustomConfig:
                    conformance.yaml: |
                      apiVersion: inference.networking.x-k8s.io/v1alpha1
                      kind: EndpointPickerConfig
                      plugins:
                      - type: header-based-testing-filter
                      - type: destination-endpoint-served-verifier
                      schedulingProfiles:
                      - name: conformance-profile
                        plugins:
                        - pluginRef: header-based-testing-filter
                """).manifest();

        ManifestChecks.assertValid(manifest, "default");
        JsonNode config = configFile(manifest, "conformance.yaml");
        assertThat(pluginTypes(config)).containsExactly("header-based-testing-filter",
                "destination-endpoint-served-verifier");
        assertThat(config.at("/schedulingProfiles/0/name").asText()).isEqualTo("conformance-profile");
        assertThat(configFile(manifest, "default-plugins.yaml").path("plugins").size()).isEqualTo(5);
        assertThat(Manifest.texts(Manifest.container(manifest.get("Deployment", EPP), "epp").path("args")))
                .containsSubsequence("--config-file", "/config/conformance.yaml");
    }

    @Test
    void aConfigFileThatIsNotInTheConfigMapIsRejected() {
        assertThat(pool().set("inferenceExtension.pluginsConfigFile", "missing.yaml").failure())
                .contains(".Values.inferenceExtension.pluginsConfigFile is \"missing.yaml\", which is neither "
                        + "default-plugins.yaml nor a key of .Values.inferenceExtension.pluginsCustomConfig");
    }

    @Test
    void aConfigChangeRollsThePods() {
        String before = pool().manifest().get("Deployment", EPP)
                .at("/spec/template/metadata/annotations").path("checksum/config").asText();
        String after = pool().set("inferencePool.modelServerType", "sglang").manifest().get("Deployment", EPP)
                .at("/spec/template/metadata/annotations").path("checksum/config").asText();

        assertThat(before).hasSize(64).isNotEqualTo(after);
    }
}
