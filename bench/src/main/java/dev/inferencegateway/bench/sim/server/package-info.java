/**
 * The HTTP face of a simulated vLLM pod ({@link dev.inferencegateway.bench.sim.server.SimServer}):
 * {@code POST /v1/chat/completions}, {@code POST /v1/completions} (JSON or server-sent events,
 * {@code stream_options.include_usage}, {@code usage.prompt_tokens_details.cached_tokens}),
 * {@code GET /v1/models}, {@code GET /health}, {@code GET /metrics}; vLLM's error object
 * ({@code {"error": {"message", "type", "param", "code"}}}) for 400 (bad body), 404 (unknown model)
 * and injected 5xx; {@code x-inference-pod}, {@code x-inference-port} and
 * {@code x-inference-namespace} on every response. Output text is deterministic filler: the same
 * prompt to the same pool gives the same words; without {@code ignore_eos} its length is drawn
 * between half of {@code max_tokens} and {@code max_tokens}.
 *
 * <p>Run-time failure switches: {@link dev.inferencegateway.bench.sim.server.FaultInjector} (error
 * rate and status, {@code /metrics} delay, 500 or garbage) and
 * {@link dev.inferencegateway.bench.sim.server.SimServer#kill()},
 * {@link dev.inferencegateway.bench.sim.server.SimServer#hang()},
 * {@link dev.inferencegateway.bench.sim.server.SimServer#revive()}.
 */
package dev.inferencegateway.bench.sim.server;
