package dev.inferencegateway.epp.datastore.plugins.metricsextractor;

/**
 * The metric specs of one model-server engine, as given in {@code engineConfigs[]}; an absent or
 * empty spec disables that metric.
 *
 * @param name the engine name matched against the pod's engine-type label
 * @param queuedRequestsSpec waiting queue size
 * @param runningRequestsSpec running requests
 * @param kvUsageSpec KV-cache utilisation in [0, 1]
 * @param loraSpec the LoRA info gauge ({@code running_lora_adapters}, {@code waiting_lora_adapters},
 *     {@code max_lora} labels)
 * @param cacheInfoSpec the cache-config info gauge whose labels give block size and count
 * @param cacheBlockSizeLabelName the block-size label of {@code cacheInfoSpec}; default {@code block_size}
 * @param cacheNumBlocksLabelName the block-count label of {@code cacheInfoSpec}; default {@code num_gpu_blocks}
 * @param cacheBlockSizeSpec a gauge holding the block size (alternative to the info labels)
 * @param cacheNumBlocksSpec a gauge holding the block count (alternative to the info labels)
 */
public record EngineConfig(String name, String queuedRequestsSpec, String runningRequestsSpec,
    String kvUsageSpec, String loraSpec, String cacheInfoSpec, String cacheBlockSizeLabelName,
    String cacheNumBlocksLabelName, String cacheBlockSizeSpec, String cacheNumBlocksSpec) {
  public EngineConfig {
    name = orEmpty(name);
    queuedRequestsSpec = orEmpty(queuedRequestsSpec);
    runningRequestsSpec = orEmpty(runningRequestsSpec);
    kvUsageSpec = orEmpty(kvUsageSpec);
    loraSpec = orEmpty(loraSpec);
    cacheInfoSpec = orEmpty(cacheInfoSpec);
    cacheBlockSizeLabelName = orEmpty(cacheBlockSizeLabelName);
    cacheNumBlocksLabelName = orEmpty(cacheNumBlocksLabelName);
    cacheBlockSizeSpec = orEmpty(cacheBlockSizeSpec);
    cacheNumBlocksSpec = orEmpty(cacheNumBlocksSpec);
  }

  /** Returns an engine with the five core specs and no separate block gauges. */
  public static EngineConfig of(String name, String queued, String running, String kv, String lora,
      String cacheInfo) {
    return new EngineConfig(name, queued, running, kv, lora, cacheInfo, "", "", "", "");
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
