package dev.inferencegateway.epp.server.metrics;

import dev.inferencegateway.epp.core.request.Usage;
import java.util.Optional;

/**
 * The sink for the per-request metrics of the ext_proc path ({@code inference_objective_*});
 * every method defaults to a no-op.
 */
public interface RequestMetrics {
  /** A sink that drops everything. */
  RequestMetrics NOOP = new RequestMetrics() {};

  /** Records a request routed to an endpoint: its count by priority and its body size. */
  default void requestRouted(String model, String targetModel, int priority, long requestBytes) {}

  /** Adds {@code delta} to the running requests of {@code model}. */
  default void running(String model, int delta) {}

  /** Records a failed request with its error code name ({@code BadRequest}, {@code ModelServerError}, ...). */
  default void requestFailed(String model, String targetModel, String errorCode) {}

  /**
   * Records a completed response: latency from the request's arrival, response size, tokens and
   * the normalised time per output token.
   */
  default void responseCompleted(String model, String targetModel, long latencyNanos, long responseBytes,
      Optional<Usage> usage) {}
}
