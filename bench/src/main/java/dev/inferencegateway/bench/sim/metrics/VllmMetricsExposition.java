package dev.inferencegateway.bench.sim.metrics;

import dev.inferencegateway.bench.sim.engine.EngineSnapshot;
import dev.inferencegateway.bench.sim.engine.HistogramSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders an engine snapshot as vLLM v1's {@code /metrics}: vLLM's metric names, the
 * {@code model_name} and {@code engine} labels, {@code vllm:cache_config_info} as an info gauge
 * whose labels carry the cache shape, and one {@code vllm:lora_requests_info} series per label set
 * whose value is the Unix time the set was last current (only when the server serves adapters).
 */
public final class VllmMetricsExposition {
  /** The content type of the exposition. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final String engineIndex;
  private final boolean loraEnabled;
  private final Map<String, String> commonLabelMap;
  private final String commonLabels;
  private final Map<String, String> finishReasonLabels = new ConcurrentHashMap<>();
  private final Map<String, String[]> bucketLabels = new ConcurrentHashMap<>();

  /**
   * Creates the renderer of one engine.
   *
   * @param modelName the served (base) model name, the {@code model_name} label
   * @param engineIndex the {@code engine} label (the data-parallel rank, {@code 0} here)
   * @param loraEnabled whether to expose {@code vllm:lora_requests_info}
   */
  public VllmMetricsExposition(String modelName, String engineIndex, boolean loraEnabled) {
    this.engineIndex = engineIndex;
    this.loraEnabled = loraEnabled;
    this.commonLabelMap = Map.of("model_name", modelName, "engine", engineIndex);
    this.commonLabels = PrometheusTextWriter.labels(commonLabelMap);
  }

  /** The text exposition of {@code s}. */
  public String render(EngineSnapshot s) {
    PrometheusTextWriter w = new PrometheusTextWriter();
    String common = commonLabels;
    w.family("vllm:num_requests_running", "gauge", "Number of requests in model execution batches.")
        .sample("vllm:num_requests_running", common, s.running());
    w.family("vllm:num_requests_waiting", "gauge", "Number of requests waiting to be processed.")
        .sample("vllm:num_requests_waiting", common, s.waiting());
    w.family("vllm:kv_cache_usage_perc", "gauge", "KV-cache usage. 1 means 100 percent usage.")
        .sample("vllm:kv_cache_usage_perc", common, s.kvCacheUsage());
    if (loraEnabled) {
      w.family("vllm:lora_requests_info", "gauge", "Running stats on lora requests.");
      for (EngineSnapshot.LoraSeries series : s.loraSeries()) {
        w.sample("vllm:lora_requests_info", Map.of("max_lora", Integer.toString(s.maxLoras()),
            "running_lora_adapters", series.runningAdapters(), "waiting_lora_adapters", series.waitingAdapters()),
            series.updatedEpochSeconds());
      }
    }
    Map<String, String> cacheConfig = new LinkedHashMap<>();
    cacheConfig.put("block_size", Integer.toString(s.blockSize()));
    cacheConfig.put("num_gpu_blocks", Integer.toString(s.numGpuBlocks()));
    cacheConfig.put("num_cpu_blocks", "0");
    cacheConfig.put("cache_dtype", "auto");
    cacheConfig.put("enable_prefix_caching", "True");
    cacheConfig.put("gpu_memory_utilization", "0.9");
    cacheConfig.put("engine", engineIndex);
    w.family("vllm:cache_config_info", "gauge", "Information of the LLMEngine CacheConfig.")
        .sample("vllm:cache_config_info", cacheConfig, 1.0);
    EngineSnapshot.Counters c = s.counters();
    counter(w, "vllm:prefix_cache_queries_total", "Prefix cache queries, in terms of number of queried tokens.",
        common, c.prefixCacheQueries());
    counter(w, "vllm:prefix_cache_hits_total", "Prefix cache hits, in terms of number of cached tokens.",
        common, c.prefixCacheHits());
    counter(w, "vllm:prompt_tokens_total", "Number of prefill tokens processed.", common, c.promptTokens());
    counter(w, "vllm:generation_tokens_total", "Number of generation tokens processed.", common,
        c.generationTokens());
    w.family("vllm:request_success_total", "counter", "Count of successfully processed requests.");
    c.successByFinishReason().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        w.sample("vllm:request_success_total", finishReasonLabels.computeIfAbsent(e.getKey(),
            reason -> PrometheusTextWriter.labels(with(commonLabelMap, "finished_reason", reason))), e.getValue()));
    EngineSnapshot.Histograms h = s.histograms();
    histogram(w, "vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.", common,
        h.timeToFirstToken());
    histogram(w, "vllm:inter_token_latency_seconds", "Histogram of inter-token latency in seconds.", common,
        h.interTokenLatency());
    histogram(w, "vllm:e2e_request_latency_seconds", "Histogram of e2e request latency in seconds.", common,
        h.endToEnd());
    histogram(w, "vllm:request_queue_time_seconds", "Histogram of time spent in WAITING phase for request.",
        common, h.queueTime());
    histogram(w, "vllm:request_prefill_time_seconds", "Histogram of time spent in PREFILL phase for request.",
        common, h.prefillTime());
    histogram(w, "vllm:request_decode_time_seconds", "Histogram of time spent in DECODE phase for request.",
        common, h.decodeTime());
    return w.toString();
  }

  private static void counter(PrometheusTextWriter w, String name, String help, String labels, long value) {
    w.family(name, "counter", help).sample(name, labels, value);
  }

  private void histogram(PrometheusTextWriter w, String name, String help, String labels, HistogramSnapshot h) {
    w.family(name, "histogram", help);
    String[] le = bucketLabels.computeIfAbsent(name, n -> bucketLabels(h.upperBounds()));
    String bucket = name + "_bucket";
    for (int i = 0; i < h.cumulativeCounts().length; i++) {
      w.sample(bucket, le[i], h.cumulativeCounts()[i]);
    }
    w.sample(bucket, le[le.length - 1], h.count());
    w.sample(name + "_count", labels, h.count());
    w.sample(name + "_sum", labels, h.sum());
  }

  private String[] bucketLabels(double[] bounds) {
    String[] le = new String[bounds.length + 1];
    for (int i = 0; i < bounds.length; i++) {
      le[i] = PrometheusTextWriter.labels(with(commonLabelMap, "le", PrometheusTextWriter.format(bounds[i])));
    }
    le[bounds.length] = PrometheusTextWriter.labels(with(commonLabelMap, "le", "+Inf"));
    return le;
  }

  private static Map<String, String> with(Map<String, String> labels, String name, String value) {
    Map<String, String> out = new LinkedHashMap<>(labels);
    out.put(name, value);
    return out;
  }
}
