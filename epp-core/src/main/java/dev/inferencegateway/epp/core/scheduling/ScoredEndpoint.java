package dev.inferencegateway.epp.core.scheduling;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import java.util.Objects;

/**
 * A candidate endpoint with its weighted total score.
 *
 * @param endpoint the endpoint
 * @param score the sum of clamped scorer scores times weights
 */
public record ScoredEndpoint(Endpoint endpoint, double score) {
  public ScoredEndpoint {
    Objects.requireNonNull(endpoint, "endpoint");
  }
}
