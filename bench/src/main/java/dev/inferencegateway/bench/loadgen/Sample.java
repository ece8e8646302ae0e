package dev.inferencegateway.bench.loadgen;

/**
 * The outcome of one request.
 *
 * @param outcome the HTTP status as text ({@code "200"}, {@code "429"}) or the failure kind
 *     ({@code "io"}, {@code "timeout"}, {@code "grpc:UNAVAILABLE"})
 * @param ok whether the request succeeded (2xx; for ext_proc: forwarded, no immediate response)
 * @param ttftNanos time to the first response body bytes of a streamed response, -1 otherwise
 * @param eppNanos ext_proc request-phase time (headers sent until the body's answer ended), -1 for HTTP
 * @param outputTokens {@code usage.completion_tokens} when the response reports it, -1 otherwise
 */
public record Sample(String outcome, boolean ok, long ttftNanos, long eppNanos, long outputTokens) {
  /** A failed request of kind {@code outcome}. */
  public static Sample failed(String outcome) {
    return new Sample(outcome, false, -1, -1, -1);
  }
}
