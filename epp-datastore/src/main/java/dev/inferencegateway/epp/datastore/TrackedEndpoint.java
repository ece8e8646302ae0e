package dev.inferencegateway.epp.datastore;

import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * One endpoint held by the datastore: its current metadata and its latest metrics.
 *
 * <p>The instance lives from the endpoint's addition to its removal; a later endpoint with the same
 * name is a new instance, so writes made by a stopping collector never reach its successor.
 */
public final class TrackedEndpoint {
  private volatile EndpointMetadata metadata;
  private final AtomicReference<ModelServerMetrics> metrics = new AtomicReference<>(ModelServerMetrics.EMPTY);
  private volatile boolean removed;

  TrackedEndpoint(EndpointMetadata metadata) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
  }

  /** Returns the endpoint's current metadata (labels may change while the address stays). */
  public EndpointMetadata metadata() {
    return metadata;
  }

  /** Returns the endpoint name. */
  public String name() {
    return metadata.name();
  }

  /** Returns the latest metrics ({@link ModelServerMetrics#EMPTY} before the first scrape). */
  public ModelServerMetrics metrics() {
    return metrics.get();
  }

  /** Replaces the metrics with {@code update} applied to the current ones. */
  public void updateMetrics(UnaryOperator<ModelServerMetrics> update) {
    metrics.updateAndGet(update);
  }

  /** Returns true once the endpoint has left the datastore. */
  public boolean removed() {
    return removed;
  }

  /** Returns the metadata and metrics as one immutable snapshot. */
  public EndpointSnapshot snapshot() {
    return new EndpointSnapshot(metadata, metrics.get());
  }

  void metadata(EndpointMetadata value) {
    metadata = value;
  }

  void markRemoved() {
    removed = true;
  }

  @Override
  public String toString() {
    return metadata.name() + "@" + metadata.hostPort();
  }
}
