/**
 * The Prometheus text exposition of a simulated engine under vLLM's metric names and label
 * shapes: {@code vllm:num_requests_running}, {@code vllm:num_requests_waiting},
 * {@code vllm:kv_cache_usage_perc} (labels {@code model_name}, {@code engine}),
 * {@code vllm:lora_requests_info{max_lora,running_lora_adapters,waiting_lora_adapters}} (value =
 * Unix time the label set was last current; one series per label set, the 16 most recent kept),
 * {@code vllm:cache_config_info{block_size,num_gpu_blocks,...}} = 1, prefix-cache, prompt and
 * generation token counters, {@code vllm:request_success_total{finished_reason}}, and the TTFT,
 * inter-token, end-to-end, queue, prefill and decode latency histograms with vLLM's buckets.
 */
package dev.inferencegateway.bench.sim.metrics;
