package dev.inferencegateway.epp.core.datastore;

import java.util.List;
import java.util.Optional;

/**
 * A {@link Datastore} over a fixed endpoint list, always synced, with no pool, objectives or model
 * rewrites: the view of processes that serve no pool (the BBR's is empty) and of benchmarks.
 *
 * @param endpoints the endpoints, in order
 */
public record FixedDatastore(List<EndpointSnapshot> endpoints) implements Datastore {
  /** The datastore with no endpoints. */
  public static final FixedDatastore EMPTY = new FixedDatastore(List.of());

  public FixedDatastore {
    endpoints = List.copyOf(endpoints);
  }

  @Override
  public boolean hasSynced() {
    return true;
  }

  @Override
  public Optional<PoolInfo> pool() {
    return Optional.empty();
  }

  @Override
  public Optional<Objective> objective(String name) {
    return Optional.empty();
  }

  @Override
  public Optional<ModelRewrite> modelRewrite(String model) {
    return Optional.empty();
  }
}
