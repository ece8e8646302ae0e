package dev.inferencegateway.epp.datastore.plugins.metricsextractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inferencegateway.epp.core.plugin.PluginParameterException;
import dev.inferencegateway.epp.core.plugin.PluginParameters;
import dev.inferencegateway.epp.core.plugin.TypedName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoreMetricsExtractorParametersTest {
  private static final TypedName NAME = new TypedName(CoreMetricsExtractor.TYPE, "metrics");

  private static CoreMetricsExtractorParameters parse(String json) throws Exception {
    JsonNode node = PluginParameters.mapper().readTree(json);
    return PluginParameters.parse(NAME, node, CoreMetricsExtractorParameters.class);
  }

  @Test
  void parse_empty_appliesUpstreamDefaults() throws Exception {
    CoreMetricsExtractorParameters params = parse("{}");

    assertThat(params.engineLabelKey()).isEqualTo("inference.networking.k8s.io/engine-type");
    assertThat(params.defaultEngine()).isEqualTo("vllm");
    assertThat(params.mergedEngines()).containsExactlyElementsOf(BuiltInEngines.ALL);
  }

  @Test
  void parse_engineConfigs_replaceBuiltInsAndAppendTheRest() throws Exception {
    CoreMetricsExtractorParameters params = parse("""
        {"defaultEngine": "my-engine", "engineConfigs": [
          {"name": "my-engine", "queuedRequestsSpec": "q", "runningRequestsSpec": "r", "kvUsageSpec": "kv",
           "loraSpec": "", "cacheInfoSpec": "info", "cacheBlockSizeLabelName": "bs",
           "cacheNumBlocksLabelName": "nb", "cacheBlockSizeSpec": "", "cacheNumBlocksSpec": ""},
          {"name": "sglang", "queuedRequestsSpec": "sq"}]}
        """);

    assertThat(params.mergedEngines()).extracting(EngineConfig::name)
        .containsExactly("my-engine", "sglang", "vllm", "trtllm-serve", "triton-tensorrt-llm");
    assertThat(params.mergedEngines().get(1).kvUsageSpec()).isEmpty();
    assertThat(params.mergedEngines().get(0).cacheBlockSizeLabelName()).isEqualTo("bs");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      unknown key          | `{"engineLabel": "x"}`                                     | engineLabel
      unknown engine key   | `{"engineConfigs": [{"name": "e", "queueSpec": "q"}]}`     | engineConfigs[0].queueSpec
      reserved name        | `{"engineConfigs": [{"name": "default"}]}`                 | engineConfigs[0].name
      empty name           | `{"engineConfigs": [{"queuedRequestsSpec": "q"}]}`         | engineConfigs[0].name
      duplicate name       | `{"engineConfigs": [{"name": "e"}, {"name": "e"}]}`        | engineConfigs[1].name
      bad spec             | `{"engineConfigs": [{"name": "e", "kvUsageSpec": "kv{"}]}` | engineConfigs[0].kvUsageSpec
      unknown default      | `{"defaultEngine": "nope"}`                                | defaultEngine
      wrong type           | `{"engineConfigs": {"name": "e"}}`                         | engineConfigs
      """)
  void parse_invalid_namesThePluginAndTheField(String name, String json, String field) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(PluginParameterException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.getMessage()).startsWith("plugin 'metrics' (type: core-metrics-extractor): parameter '"
              + field + "'");
        });
  }
}
