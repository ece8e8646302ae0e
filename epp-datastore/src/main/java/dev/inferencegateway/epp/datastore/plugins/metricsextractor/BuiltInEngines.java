package dev.inferencegateway.epp.datastore.plugins.metricsextractor;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Upstream's built-in engine tables, appended to {@code engineConfigs} for names not given. */
public final class BuiltInEngines {
  /** vLLM, the default engine. */
  public static final EngineConfig VLLM = EngineConfig.of("vllm", "vllm:num_requests_waiting",
      "vllm:num_requests_running", "vllm:kv_cache_usage_perc", "vllm:lora_requests_info",
      "vllm:cache_config_info");
  /** SGLang: block size and count come from the {@code page_size} / {@code num_pages} labels. */
  public static final EngineConfig SGLANG = new EngineConfig("sglang", "sglang:num_queue_reqs",
      "sglang:num_running_reqs", "sglang:token_usage", "", "sglang:cache_config_info", "page_size",
      "num_pages", "", "");
  /** TensorRT-LLM's {@code trtllm-serve}. */
  public static final EngineConfig TRTLLM_SERVE = new EngineConfig("trtllm-serve",
      "trtllm_num_requests_waiting", "trtllm_num_requests_running", "trtllm_kv_cache_utilization", "",
      "", "", "", "trtllm_kv_cache_tokens_per_block", "trtllm_kv_cache_max_blocks");
  /** Triton with the TensorRT-LLM backend. */
  public static final EngineConfig TRITON_TENSORRT_LLM = new EngineConfig("triton-tensorrt-llm",
      "nv_trt_llm_request_metrics{request_type=waiting}",
      "nv_trt_llm_request_metrics{request_type=scheduled}",
      "nv_trt_llm_kv_cache_block_metrics{kv_cache_block_type=fraction}", "", "", "", "",
      "nv_trt_llm_kv_cache_block_metrics{kv_cache_block_type=tokens_per}",
      "nv_trt_llm_kv_cache_block_metrics{kv_cache_block_type=max}");

  /** The built-in engines, in upstream's order. */
  public static final List<EngineConfig> ALL = List.of(VLLM, SGLANG, TRTLLM_SERVE, TRITON_TENSORRT_LLM);

  /** The default value of {@code defaultEngine}. */
  public static final String DEFAULT_ENGINE = "vllm";

  private static final Map<EngineConfig, String> KV_FALLBACKS = Map.of(VLLM, "vllm:gpu_cache_usage_perc");

  private BuiltInEngines() {}

  /**
   * Returns the KV-usage spec to try when the primary one is absent: vLLM's deprecated
   * {@code vllm:gpu_cache_usage_perc}, only for the unmodified built-in vLLM table.
   */
  static Optional<String> kvFallback(EngineConfig config) {
    return Optional.ofNullable(KV_FALLBACKS.get(config));
  }
}
