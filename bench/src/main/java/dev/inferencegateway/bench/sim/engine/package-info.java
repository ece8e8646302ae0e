/**
 * The simulated serving engine behind each model server, modelled on vLLM v1 and
 * llm-d-inference-sim.
 *
 * <ul>
 *   <li><b>Batching:</b> a waiting queue in arrival order and a continuous batch of at most
 *       {@code max-num-seqs} running requests; {@code max-waiting-queue-length} bounds the queue.
 *   <li><b>LoRA:</b> {@code max-loras} GPU slots; an adapter loads in {@code lora-load-delay} before
 *       its requests run; waiting requests whose adapter is loaded go first; when the slots are
 *       full, the least recently used adapter with no running and no waiting request is evicted.
 *   <li><b>KV cache:</b> {@code num-gpu-blocks} blocks of {@code block-size} tokens; a request
 *       holds blocks for prompt plus output; full prompt blocks are hashed in a chain rooted in the
 *       adapter and {@code cache_salt}, stay cached after the request, and are evicted least
 *       recently used first (deepest block first). Leading cached blocks skip prefill and are
 *       reported as {@code cached_tokens}; at least one prompt token is always computed.
 *   <li><b>Latency:</b> TTFT = queue time + (prefill overhead + uncached prompt tokens x prefill
 *       time per token) x load factor; each further token takes inter-token latency x load
 *       factor; the load factor rises linearly from 1 (one running request) to
 *       {@code time-factor-under-load} (max-num-seqs running). Jitter is Gaussian with the given
 *       standard deviation (capped at 30 % of the mean, clamped to +/- 70 %), from a seeded source.
 *   <li><b>Tokens:</b> one token is four characters of prompt text.
 * </ul>
 */
package dev.inferencegateway.bench.sim.engine;
