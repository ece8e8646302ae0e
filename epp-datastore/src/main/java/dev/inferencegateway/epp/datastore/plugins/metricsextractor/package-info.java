/**
 * The {@code core-metrics-extractor} plugin (a data-layer extractor).
 *
 * <p>Consumes {@link dev.inferencegateway.epp.datastore.prometheus.MetricFamilies} from a
 * {@code metrics-data-source} and produces each endpoint's
 * {@link dev.inferencegateway.epp.core.endpoint.ModelServerMetrics}: waiting queue, running
 * requests, KV-cache use (0..1), running and waiting LoRA adapters (distinct sets) with
 * {@code max_lora}, KV block size and block count (and their product as the token capacity).
 *
 * <p>Engine: the pod label named by {@code engineLabelKey}, else {@code llm-d.ai/engine-type},
 * else {@code inference.networking.k8s.io/engine-type}; a missing or unknown engine uses
 * {@code defaultEngine}. Built-in tables (upstream's): {@code vllm} (KV from
 * {@code vllm:kv_cache_usage_perc}, falling back to {@code vllm:gpu_cache_usage_perc}),
 * {@code sglang}, {@code trtllm-serve}, {@code triton-tensorrt-llm}.
 *
 * <p>Selection: spec grammar {@code name{label=value}} (quotes optional, empty disables); among
 * matching series the newest by timestamp wins. When a server reports several engines (data
 * parallelism, the {@code engine} label), the newest series of each engine is taken and queue,
 * running and block count are summed while KV use is averaged. {@code vllm:lora_requests_info}
 * takes the series with the largest value (its creation time); its absence is not an error.
 * Every metric is read independently: the ones found update the endpoint (stamped with the
 * extraction time), the others are reported as errors.
 *
 * <p>Parameters:
 * <ul>
 *   <li>{@code engineLabelKey}: default {@code inference.networking.k8s.io/engine-type};</li>
 *   <li>{@code defaultEngine}: default {@code vllm}; must name a given or built-in engine;</li>
 *   <li>{@code engineConfigs[]}: {@code {name, queuedRequestsSpec, runningRequestsSpec,
 *       kvUsageSpec, loraSpec, cacheInfoSpec, cacheBlockSizeLabelName, cacheNumBlocksLabelName,
 *       cacheBlockSizeSpec, cacheNumBlocksSpec}}; an entry fully replaces the built-in of the same
 *       name; {@code default} is reserved.</li>
 * </ul>
 * The deprecated {@code --total-queued-requests-metric}, {@code --total-running-requests-metric},
 * {@code --kv-cache-usage-percentage-metric}, {@code --lora-info-metric} and
 * {@code --cache-info-metric} flags, when given, replace the default engine's specs
 * ({@link dev.inferencegateway.epp.datastore.plugins.metricsextractor.DeprecatedMetricFlags}).
 */
package dev.inferencegateway.epp.datastore.plugins.metricsextractor;
