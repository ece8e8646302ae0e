package dev.inferencegateway.epp.core.scheduling;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list of scored endpoints over the endpoints and their totals, creating each
 * {@link ScoredEndpoint} when it is read, so that a picker reading them in a loop allocates none.
 */
final class ScoredEndpoints extends AbstractList<ScoredEndpoint> implements RandomAccess {
  private final List<Endpoint> endpoints;
  private final double[] totals;

  /** Creates the list; {@code totals} is index-aligned with {@code endpoints} and not modified afterwards. */
  ScoredEndpoints(List<Endpoint> endpoints, double[] totals) {
    this.endpoints = endpoints;
    this.totals = totals;
  }

  @Override
  public ScoredEndpoint get(int index) {
    return new ScoredEndpoint(endpoints.get(index), totals[index]);
  }

  @Override
  public int size() {
    return totals.length;
  }
}
