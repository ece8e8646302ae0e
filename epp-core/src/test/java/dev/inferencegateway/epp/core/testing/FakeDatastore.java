package dev.inferencegateway.epp.core.testing;

import dev.inferencegateway.epp.core.datastore.Datastore;
import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.datastore.ModelRewrite;
import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.core.datastore.PoolInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory {@link Datastore} for tests, filled by the test. */
public final class FakeDatastore implements Datastore {
  private volatile boolean synced = true;
  private volatile Optional<PoolInfo> pool = Optional.of(
      new PoolInfo("pool", "default", Map.of("app", "model"), List.of(8000), "http"));
  private volatile List<EndpointSnapshot> endpoints = List.of();
  private final Map<String, Objective> objectives = new ConcurrentHashMap<>();
  private final Map<String, ModelRewrite> rewrites = new ConcurrentHashMap<>();

  @Override
  public boolean hasSynced() {
    return synced;
  }

  @Override
  public Optional<PoolInfo> pool() {
    return pool;
  }

  @Override
  public List<EndpointSnapshot> endpoints() {
    return endpoints;
  }

  @Override
  public Optional<Objective> objective(String name) {
    return Optional.ofNullable(objectives.get(name));
  }

  @Override
  public Optional<ModelRewrite> modelRewrite(String model) {
    return Optional.ofNullable(rewrites.get(model));
  }

  /** Sets whether the datastore reports itself synced. */
  public FakeDatastore synced(boolean value) {
    synced = value;
    return this;
  }

  /** Sets the pool. */
  public FakeDatastore pool(PoolInfo value) {
    pool = Optional.ofNullable(value);
    return this;
  }

  /** Replaces the endpoints. */
  public FakeDatastore endpoints(List<EndpointSnapshot> value) {
    endpoints = List.copyOf(value);
    return this;
  }

  /** Adds or replaces an objective. */
  public FakeDatastore objective(Objective value) {
    objectives.put(value.name(), value);
    return this;
  }

  /** Adds or replaces the rewrite rule for {@code model}. */
  public FakeDatastore modelRewrite(String model, ModelRewrite value) {
    rewrites.put(model, value);
    return this;
  }
}
