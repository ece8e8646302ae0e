package dev.inferencegateway.epp.core.metrics;

import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.plugin.TypedName;

/**
 * The sink for the EPP's own metrics; every method defaults to a no-op.
 *
 * <p>Core and plugin modules depend only on this interface. The server module implements it with
 * the Prometheus metric names of upstream.
 */
public interface MetricsRecorder {
  /** A recorder that drops everything. */
  MetricsRecorder NOOP = new MetricsRecorder() {};

  /** Records how long one plugin took at one extension point ({@code Filter}, {@code Scorer}, ...). */
  default void pluginDuration(String extensionPoint, TypedName plugin, long nanos) {}

  /** Records the end-to-end duration of one scheduling cycle. */
  default void schedulerE2eDuration(long nanos) {}

  /** Records one scheduling attempt; {@code endpoint} is null on failure. */
  default void schedulerAttempt(boolean success, String targetModel, EndpointMetadata endpoint) {}

  /** Records the current number of entries in the approximate prefix index. */
  default void prefixIndexerSize(long entries) {}

  /** Records the prefix-cache match of one scheduled request. */
  default void prefixIndexerHit(double hitRatio, long hitBytes) {}

  /** Records one model rewrite decision. */
  default void modelRewriteDecision(String rewriteName, String modelName, String targetModel) {}
}
