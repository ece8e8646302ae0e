package dev.inferencegateway.epp.datastore;

import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.core.datastore.PoolInfo;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.datastore.rewrite.ModelRewriteRules;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The mutable state behind a {@link PoolDatastore}, written by its source. */
final class DatastoreState implements PoolStateSink {
  private static final Logger LOG = LoggerFactory.getLogger(DatastoreState.class);

  final EndpointTable endpoints = new EndpointTable();
  private final Object syncMonitor = new Object();
  private final Map<String, String> problems = new ConcurrentHashMap<>();
  private volatile Optional<PoolInfo> pool = Optional.empty();
  private volatile Map<String, Objective> objectives = Map.of();
  private volatile ModelRewriteRules rewrites = ModelRewriteRules.EMPTY;
  private volatile boolean sourceSynced;

  Optional<PoolInfo> pool() {
    return pool;
  }

  Map<String, Objective> objectives() {
    return objectives;
  }

  ModelRewriteRules rewrites() {
    return rewrites;
  }

  boolean synced() {
    return sourceSynced && pool.isPresent();
  }

  DatastoreStatus status() {
    return new DatastoreStatus(synced(), pool.isPresent(), endpoints.size(), problems);
  }

  boolean awaitSynced(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (syncMonitor) {
      while (!synced()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        syncMonitor.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  @Override
  public void setPool(PoolInfo value) {
    Objects.requireNonNull(value, "pool");
    Optional<PoolInfo> previous = pool;
    pool = Optional.of(value);
    if (!previous.equals(pool)) {
      LOG.info("Pool {}/{}: selector {}, target ports {}, app protocol {}", value.namespace(), value.name(),
          value.selector(), value.targetPorts(), value.appProtocol());
    }
    syncChanged();
  }

  @Override
  public void clearPool() {
    if (pool.isPresent()) {
      LOG.info("Pool {} is gone: clearing its endpoints, objectives and rewrites", pool.get().name());
    }
    pool = Optional.empty();
    endpoints.clear();
    objectives = Map.of();
    rewrites = ModelRewriteRules.EMPTY;
    syncChanged();
  }

  @Override
  public void setEndpoints(String owner, Collection<EndpointMetadata> list) {
    endpoints.set(owner, list);
  }

  @Override
  public void replaceAllEndpoints(Map<String, ? extends Collection<EndpointMetadata>> byOwner) {
    endpoints.replaceAll(byOwner);
  }

  @Override
  public void setObjectives(Map<String, Objective> value) {
    objectives = Map.copyOf(value);
  }

  @Override
  public void setModelRewrites(ModelRewriteRules value) {
    rewrites = Objects.requireNonNull(value, "rules");
  }

  @Override
  public void setSourceSynced(boolean value) {
    sourceSynced = value;
    syncChanged();
  }

  @Override
  public void reportProblem(String component, String problem) {
    String previous = problems.put(component, problem);
    if (!problem.equals(previous)) {
      LOG.warn("{}: {}", component, problem);
    }
  }

  @Override
  public void clearProblem(String component) {
    if (problems.remove(component) != null) {
      LOG.info("{}: recovered", component);
    }
  }

  private void syncChanged() {
    synchronized (syncMonitor) {
      syncMonitor.notifyAll();
    }
  }
}
