package dev.inferencegateway.epp.datastore.plugins.metricsextractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.PluginParameters;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.testing.TestHandles;
import dev.inferencegateway.epp.datastore.collector.Extraction;
import dev.inferencegateway.epp.datastore.prometheus.ExpositionFormat;
import dev.inferencegateway.epp.datastore.prometheus.FamilySelection;
import dev.inferencegateway.epp.datastore.prometheus.PrometheusTextParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DeprecatedMetricFlagsTest {
  private static final DeprecatedMetricFlags CHART_FLAGS = new DeprecatedMetricFlags(
      "sglang:num_queue_reqs", "sglang:num_running_reqs", "sglang:token_usage", "", null);

  @Test
  void applyTo_replacesOnlyTheGivenSpecs() {
    EngineConfig applied = CHART_FLAGS.applyTo(BuiltInEngines.VLLM);

    assertThat(applied).isEqualTo(new EngineConfig("vllm", "sglang:num_queue_reqs", "sglang:num_running_reqs",
        "sglang:token_usage", "", "vllm:cache_config_info", "", "", "", ""));
    assertThat(CHART_FLAGS.givenFlags()).containsExactly("--total-queued-requests-metric",
        "--total-running-requests-metric", "--kv-cache-usage-percentage-metric", "--lora-info-metric");
    assertThat(DeprecatedMetricFlags.NONE.isEmpty()).isTrue();
  }

  @Test
  void extractor_withFlags_readsTheOverriddenNamesForTheDefaultEngineOnly() throws Exception {
    CoreMetricsExtractor extractor = new CoreMetricsExtractor(TypedName.of(CoreMetricsExtractor.TYPE),
        new CoreMetricsExtractorParameters(null, null, null), CHART_FLAGS);
    byte[] text = """
        sglang:num_queue_reqs 6
        sglang:num_running_reqs 2
        sglang:token_usage 0.5
        vllm:gpu_cache_usage_perc 0.9
        vllm:cache_config_info{block_size="16",num_gpu_blocks="10"} 1
        """.getBytes(StandardCharsets.UTF_8);
    var families = new PrometheusTextParser().parse(text, FamilySelection.of(extractor.metricFamilies()),
        ExpositionFormat.PROMETHEUS_TEXT);

    Extraction result = extractor.extract(families,
        new EndpointMetadata("p-rank-0", "ns", "p", "10.0.0.1", 8000, "10.0.0.1:8000", Map.of()),
        ModelServerMetrics.EMPTY, Instant.EPOCH.plusSeconds(1));

    assertThat(result.errors()).isEmpty();
    assertThat(result.metrics().waitingQueueSize()).isEqualTo(6);
    assertThat(result.metrics().kvCacheUsage()).isEqualTo(0.5);
    assertThat(result.metrics().cacheNumBlocks()).isEqualTo(10);
  }

  @Test
  void invalidFlagValue_namesTheFlag() {
    assertThatThrownBy(() -> new DeprecatedMetricFlags(null, null, "vllm:kv{engine=", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--kv-cache-usage-percentage-metric: invalid metric spec \"vllm:kv{engine=\"");
  }

  @Test
  void descriptor_warnsOnceAcrossInstances() {
    PluginDescriptor<CoreMetricsExtractorParameters> descriptor =
        CoreMetricsExtractor.descriptor(CHART_FLAGS, new AtomicBoolean());
    TestHandles.TestHandle handle = TestHandles.handle();
    CoreMetricsExtractorParameters params = PluginParameters.parse(TypedName.of(CoreMetricsExtractor.TYPE),
        JsonNodeFactory.instance.objectNode(), CoreMetricsExtractorParameters.class);

    descriptor.factory().create("a", params, handle);
    descriptor.factory().create("b", params, handle);

    assertThat(handle.warnings()).singleElement().asString()
        .contains("--total-queued-requests-metric").contains("engine 'vllm'").contains("engineConfigs");
  }
}
