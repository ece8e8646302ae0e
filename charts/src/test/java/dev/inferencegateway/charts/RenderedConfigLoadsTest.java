package dev.inferencegateway.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inferencegateway.epp.core.config.ConfigLoader;
import dev.inferencegateway.epp.core.config.ConfigSource;
import dev.inferencegateway.epp.core.config.LoadedConfig;
import dev.inferencegateway.epp.core.config.LoaderOptions;
import dev.inferencegateway.epp.core.testing.FakeDatastore;
import dev.inferencegateway.epp.core.testing.TestHandles;
import dev.inferencegateway.epp.server.BuiltinPlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every EndpointPickerConfig file the inferencepool chart renders loads with the EPP's own loader and plugins. */
class RenderedConfigLoadsTest {
    private static final String RELEASE = "vllm-deepseek-r1";

    static Stream<Arguments> renderings() throws Exception {
        StringBuilder samples = new StringBuilder("inferenceExtension:\n  pluginsCustomConfig:\n");
        try (Stream<Path> files = Files.list(Charts.ROOT.resolve("../config/epp"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                samples.append("    ").append(file.getFileName()).append(": |\n")
                        .append(indent(Files.readString(file))).append('\n');
            }
        }
        return Stream.of(
                Arguments.of("defaults", Map.of(), null),
                Arguments.of("sglang", Map.of("inferencePool.modelServerType", "sglang"), null),
                Arguments.of("trtllm-serve", Map.of("inferencePool.modelServerType", "trtllm-serve"), null),
                Arguments.of("triton", Map.of("inferencePool.modelServerType", "triton-tensorrt-llm"), null),
                Arguments.of("passthrough parser", Map.of("inferencePool.parser", "passthrough-parser"), null),
                Arguments.of("metrics over https", Map.of("inferenceExtension.metricsDataSource.scheme", "https"), null),
                Arguments.of("every config/epp sample as a custom config", Map.of(), samples.toString()));
    }

    private static String indent(String text) {
        return text.lines().map(line -> "      " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyRenderedConfigFileLoads(String name, Map<String, Object> sets, String valuesYaml) {
        Charts chart = Charts.render("inferencepool").release(RELEASE)
                .set("inferencePool.modelServers.matchLabels.app", RELEASE).set(sets);
        if (valuesYaml != null) {
            chart.values(valuesYaml);
        }
        JsonNode data = chart.manifest().get("ConfigMap", RELEASE + "-epp").path("data");

        List<String> loaded = new ArrayList<>();
        data.fields().forEachRemaining(file -> {
            LoadedConfig config = new ConfigLoader(BuiltinPlugins.registry(),
                    TestHandles.environment(new FakeDatastore(), 1), LoaderOptions.defaults())
                    .load(ConfigSource.text(file.getValue().asText()));
            assertThat(config.scheduler().profiles()).as(file.getKey()).isNotEmpty();
            assertThat(config.dataSources()).as(file.getKey()).isNotEmpty();
            loaded.add(file.getKey());
        });
        assertThat(loaded).contains("default-plugins.yaml").hasSize(data.size());
        if (valuesYaml != null) {
            assertThat(loaded).contains("default.yaml", "lora-heavy.yaml", "prefix-heavy.yaml");
        }
    }
}
