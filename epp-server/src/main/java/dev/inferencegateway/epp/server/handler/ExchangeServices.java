package dev.inferencegateway.epp.server.handler;

import dev.inferencegateway.epp.core.director.Director;
import dev.inferencegateway.epp.core.director.RequestPipeline;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.server.metrics.RequestMetrics;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What every EPP exchange shares: the director, the metrics sinks, time, the request-id source,
 * the executor of asynchronous response plugins and the response buffering bound.
 *
 * @param director routes requests
 * @param pluginMetrics plugin durations and scheduler metrics
 * @param requestMetrics per-request metrics
 * @param nanoClock the monotonic clock
 * @param requestIds generates {@code x-request-id} values for requests without one
 * @param pluginExecutor runs response-body plugins off the stream's thread
 * @param maxBufferedResponseBytes the most response bytes held for usage and model rewriting
 */
public record ExchangeServices(Director director, MetricsRecorder pluginMetrics, RequestMetrics requestMetrics,
    LongSupplier nanoClock, Supplier<String> requestIds, Executor pluginExecutor, int maxBufferedResponseBytes) {
  public ExchangeServices {
    Objects.requireNonNull(director, "director");
    Objects.requireNonNull(pluginMetrics, "pluginMetrics");
    Objects.requireNonNull(requestMetrics, "requestMetrics");
    Objects.requireNonNull(nanoClock, "nanoClock");
    Objects.requireNonNull(requestIds, "requestIds");
    Objects.requireNonNull(pluginExecutor, "pluginExecutor");
    if (maxBufferedResponseBytes <= 0) {
      throw new IllegalArgumentException("maxBufferedResponseBytes must be > 0");
    }
  }

  /** Returns the configured plugins. */
  public RequestPipeline pipeline() {
    return director.pipeline();
  }
}
