package dev.inferencegateway.epp.core.datastore;

import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import java.util.Objects;

/**
 * An endpoint and its latest metrics, as held by the datastore.
 *
 * @param metadata the endpoint identity
 * @param metrics the latest metrics ({@link ModelServerMetrics#EMPTY} until the first scrape)
 */
public record EndpointSnapshot(EndpointMetadata metadata, ModelServerMetrics metrics) {
  public EndpointSnapshot {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(metrics, "metrics");
  }
}
