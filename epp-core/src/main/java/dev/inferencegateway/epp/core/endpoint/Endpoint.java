package dev.inferencegateway.epp.core.endpoint;

import java.util.Objects;

/**
 * One candidate endpoint as seen by a single request: its metadata, the metrics snapshot taken
 * when the request started, and the request's attributes for it.
 *
 * <p>Metadata and metrics are immutable; the attribute map belongs to this request only.
 * Equality is identity: each request gets its own instances.
 */
public final class Endpoint {
  private final EndpointMetadata metadata;
  private final ModelServerMetrics metrics;
  private final AttributeMap attributes;

  /** Creates an endpoint view with an empty attribute map. */
  public Endpoint(EndpointMetadata metadata, ModelServerMetrics metrics) {
    this(metadata, metrics, new AttributeMap());
  }

  /** Creates an endpoint view with the given attributes. */
  public Endpoint(EndpointMetadata metadata, ModelServerMetrics metrics, AttributeMap attributes) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.attributes = Objects.requireNonNull(attributes, "attributes");
  }

  /** Returns the endpoint's identity and address. */
  public EndpointMetadata metadata() {
    return metadata;
  }

  /** Returns the metrics snapshot. */
  public ModelServerMetrics metrics() {
    return metrics;
  }

  /** Returns this request's attributes for the endpoint. */
  public AttributeMap attributes() {
    return attributes;
  }

  @Override
  public String toString() {
    return metadata.name() + "@" + metadata.hostPort();
  }
}
