package dev.inferencegateway.epp.datastore.plugins.metricsextractor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.datastore.collector.Extraction;
import dev.inferencegateway.epp.datastore.prometheus.ExpositionFormat;
import dev.inferencegateway.epp.datastore.prometheus.Expositions;
import dev.inferencegateway.epp.datastore.prometheus.FamilySelection;
import dev.inferencegateway.epp.datastore.prometheus.MetricFamilies;
import dev.inferencegateway.epp.datastore.prometheus.PrometheusTextParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreMetricsExtractorTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static CoreMetricsExtractor extractor(CoreMetricsExtractorParameters params, DeprecatedMetricFlags flags) {
    return new CoreMetricsExtractor(TypedName.of(CoreMetricsExtractor.TYPE), params, flags);
  }

  private static CoreMetricsExtractor defaults() {
    return extractor(new CoreMetricsExtractorParameters(null, null, null), DeprecatedMetricFlags.NONE);
  }

  private static EndpointMetadata endpoint(Map<String, String> labels) {
    return new EndpointMetadata("pod-rank-0", "ns", "pod", "10.0.0.1", 8000, "10.0.0.1:8000", labels);
  }

  private static Extraction extract(CoreMetricsExtractor extractor, String exposition, Map<String, String> labels)
      throws Exception {
    return extract(extractor, Expositions.load(exposition), labels, ModelServerMetrics.EMPTY);
  }

  private static Extraction extract(CoreMetricsExtractor extractor, byte[] exposition, Map<String, String> labels,
      ModelServerMetrics current) throws Exception {
    MetricFamilies families = new PrometheusTextParser().parse(exposition,
        FamilySelection.of(extractor.metricFamilies()), ExpositionFormat.PROMETHEUS_TEXT);
    return extractor.extract(families, endpoint(labels), current, NOW);
  }

  @Test
  void extract_vllm_readsEveryMetricOfTheDefaultEngine() throws Exception {
    Extraction result = extract(defaults(), "vllm.prom", Map.of());

    assertThat(result.errors()).isEmpty();
    assertThat(result.updated()).isTrue();
    ModelServerMetrics m = result.metrics();
    assertThat(m.waitingQueueSize()).isEqualTo(3);
    assertThat(m.runningRequests()).isEqualTo(16);
    assertThat(m.kvCacheUsage()).isEqualTo(0.41);
    assertThat(m.activeModels()).containsExactlyInAnyOrder("sql-lora", "chat-lora");
    assertThat(m.waitingModels()).containsExactly("tweet-lora");
    assertThat(m.maxActiveModels()).isEqualTo(4);
    assertThat(m.cacheBlockSize()).isEqualTo(16);
    assertThat(m.cacheNumBlocks()).isEqualTo(27000);
    assertThat(m.kvCacheMaxTokenCapacity()).isEqualTo(16L * 27000);
    assertThat(m.updateTime()).isEqualTo(NOW);
  }

  @Test
  void extract_sglangByUpstreamLabel_usesTheSglangTable() throws Exception {
    Extraction result = extract(defaults(), "sglang.prom",
        Map.of("inference.networking.k8s.io/engine-type", "sglang"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.metrics()).satisfies(m -> {
      assertThat(m.waitingQueueSize()).isEqualTo(5);
      assertThat(m.runningRequests()).isEqualTo(12);
      assertThat(m.kvCacheUsage()).isEqualTo(0.28);
      assertThat(m.cacheBlockSize()).isEqualTo(16);
      assertThat(m.cacheNumBlocks()).isEqualTo(10000);
      assertThat(m.activeModels()).isEmpty();
    });
  }

  @Test
  void extract_trtllmServeByLlmdLabel_readsBlockGauges() throws Exception {
    Extraction result = extract(defaults(), "trtllm-serve.prom", Map.of("llm-d.ai/engine-type", "trtllm-serve"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.metrics()).satisfies(m -> {
      assertThat(m.waitingQueueSize()).isEqualTo(2);
      assertThat(m.runningRequests()).isEqualTo(8);
      assertThat(m.kvCacheUsage()).isEqualTo(0.55);
      assertThat(m.cacheBlockSize()).isEqualTo(32);
      assertThat(m.cacheNumBlocks()).isEqualTo(4096);
    });
  }

  @Test
  void extract_triton_selectsSeriesByLabel() throws Exception {
    Extraction result = extract(defaults(), "triton-tensorrt-llm.prom",
        Map.of("llm-d.ai/engine-type", "triton-tensorrt-llm"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.metrics()).satisfies(m -> {
      assertThat(m.waitingQueueSize()).isEqualTo(4);
      assertThat(m.runningRequests()).isEqualTo(6);
      assertThat(m.kvCacheUsage()).isEqualTo(0.3125);
      assertThat(m.cacheBlockSize()).isEqualTo(64);
      assertThat(m.cacheNumBlocks()).isEqualTo(4096);
    });
  }

  @Test
  void extract_dataParallelEngines_sumsQueuesAveragesKvAndTakesTheNewestLora() throws Exception {
    Extraction result = extract(defaults(), "vllm-dp-lora.prom", Map.of());

    assertThat(result.errors()).isEmpty();
    assertThat(result.metrics()).satisfies(m -> {
      assertThat(m.waitingQueueSize()).isEqualTo(4);
      assertThat(m.runningRequests()).isEqualTo(16);
      assertThat(m.kvCacheUsage()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(m.activeModels()).containsExactlyInAnyOrder("sql-lora", "chat-lora");
      assertThat(m.waitingModels()).containsExactlyInAnyOrder("tweet-lora", "sql-lora");
      assertThat(m.maxActiveModels()).isEqualTo(2);
      assertThat(m.cacheNumBlocks()).isEqualTo(22000);
    });
  }

  @Test
  void extract_onlyDeprecatedGpuCacheMetric_fallsBackToIt() throws Exception {
    String text = """
        vllm:num_requests_waiting 1
        vllm:num_requests_running 2
        vllm:gpu_cache_usage_perc{engine="0"} 0.75
        vllm:cache_config_info{block_size="16",num_gpu_blocks="100"} 1
        """;

    Extraction result = extract(defaults(), text.getBytes(StandardCharsets.UTF_8), Map.of(), ModelServerMetrics.EMPTY);

    assertThat(result.errors()).isEmpty();
    assertThat(result.metrics().kvCacheUsage()).isEqualTo(0.75);
  }

  @Test
  void extract_someMetricsMissing_updatesTheOthersAndReportsEachMissingOne() throws Exception {
    ModelServerMetrics previous = ModelServerMetrics.EMPTY.toBuilder().runningRequests(9).kvCacheUsage(0.5)
        .updateTime(Instant.parse("2026-03-01T11:00:00Z")).build();

    Extraction result = extract(defaults(), "vllm:num_requests_waiting 7\n".getBytes(StandardCharsets.UTF_8),
        Map.of(), previous);

    assertThat(result.updated()).isTrue();
    assertThat(result.metrics().waitingQueueSize()).isEqualTo(7);
    assertThat(result.metrics().runningRequests()).isEqualTo(9);
    assertThat(result.metrics().kvCacheUsage()).isEqualTo(0.5);
    assertThat(result.metrics().updateTime()).isEqualTo(NOW);
    assertThat(result.errors()).containsExactly(
        "runningRequestsSpec vllm:num_requests_running: metric family vllm:num_requests_running not found",
        "kvUsageSpec vllm:kv_cache_usage_perc: metric family vllm:kv_cache_usage_perc not found",
        "cacheInfoSpec vllm:cache_config_info: metric family vllm:cache_config_info not found");
  }

  @Test
  void extract_nothingFound_keepsTheMetricsUnstamped() throws Exception {
    ModelServerMetrics previous = ModelServerMetrics.EMPTY.toBuilder().waitingQueueSize(2).build();

    Extraction result = extract(defaults(), "other_metric 1\n".getBytes(StandardCharsets.UTF_8), Map.of(), previous);

    assertThat(result.updated()).isFalse();
    assertThat(result.metrics()).isSameAs(previous);
    assertThat(result.errors()).hasSize(4);
  }

  @Test
  void extract_cacheInfoWithNoneBlocks_reportsTheLabelAndKeepsTheBlockSize() throws Exception {
    String text = """
        vllm:num_requests_waiting 0
        vllm:num_requests_running 0
        vllm:kv_cache_usage_perc 0
        vllm:cache_config_info{block_size="32",num_gpu_blocks="None"} 1
        """;

    Extraction result = extract(defaults(), text.getBytes(StandardCharsets.UTF_8), Map.of(), ModelServerMetrics.EMPTY);

    assertThat(result.metrics().cacheBlockSize()).isEqualTo(32);
    assertThat(result.metrics().cacheNumBlocks()).isZero();
    assertThat(result.errors()).containsExactly(
        "cacheInfoSpec vllm:cache_config_info: label num_gpu_blocks is not an integer: \"None\"");
  }

  @Test
  void extract_customEngineReplacingTheBuiltIn_usesItsSpecsAndEmptyDisables() throws Exception {
    EngineConfig custom = EngineConfig.of("vllm", "custom_queue{pool=\"a\"}", "", "custom_kv", "", "");
    CoreMetricsExtractor extractor = extractor(new CoreMetricsExtractorParameters(null, null, List.of(custom)),
        DeprecatedMetricFlags.NONE);
    String text = """
        custom_queue{pool="b"} 99
        custom_queue{pool="a"} 3 100
        custom_queue{pool="a"} 4 200
        custom_kv 0.25
        """;

    Extraction result = extract(extractor, text.getBytes(StandardCharsets.UTF_8), Map.of(), ModelServerMetrics.EMPTY);

    assertThat(result.errors()).isEmpty();
    assertThat(result.metrics().waitingQueueSize()).isEqualTo(4);
    assertThat(result.metrics().kvCacheUsage()).isEqualTo(0.25);
    assertThat(extractor.metricFamilies()).contains("custom_queue", "custom_kv", "sglang:num_queue_reqs")
        .doesNotContain("vllm:num_requests_waiting");
  }

  @Test
  void engineOf_resolvesLabelsAliasesUnknownNamesAndCustomKeys() {
    CoreMetricsExtractor standard = defaults();
    CoreMetricsExtractor customKey = extractor(new CoreMetricsExtractorParameters("example.com/engine", "sglang", null),
        DeprecatedMetricFlags.NONE);

    assertThat(standard.engineOf(endpoint(Map.of()))).isEqualTo("vllm");
    assertThat(standard.engineOf(endpoint(Map.of("llm-d.ai/engine-type", "sglang")))).isEqualTo("sglang");
    assertThat(standard.engineOf(endpoint(Map.of("inference.networking.k8s.io/engine-type", "trtllm-serve"))))
        .isEqualTo("trtllm-serve");
    assertThat(standard.engineOf(endpoint(Map.of("llm-d.ai/engine-type", "mystery")))).isEqualTo("vllm");
    assertThat(customKey.engineOf(endpoint(Map.of("example.com/engine", "vllm")))).isEqualTo("vllm");
    assertThat(customKey.engineOf(endpoint(Map.of()))).isEqualTo("sglang");
    assertThat(standard.engines()).containsExactly("vllm", "sglang", "trtllm-serve", "triton-tensorrt-llm");
  }

  @Test
  void metricFamilies_coverEveryEngineAndNoHistogram() {
    assertThat(defaults().metricFamilies()).contains("vllm:num_requests_waiting", "vllm:kv_cache_usage_perc",
        "vllm:gpu_cache_usage_perc", "vllm:lora_requests_info", "vllm:cache_config_info",
        "sglang:token_usage", "trtllm_kv_cache_max_blocks", "nv_trt_llm_request_metrics")
        .noneMatch(name -> name.contains("seconds"));
  }
}
