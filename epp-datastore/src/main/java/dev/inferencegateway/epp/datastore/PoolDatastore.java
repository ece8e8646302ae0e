package dev.inferencegateway.epp.datastore;

import dev.inferencegateway.epp.core.datastore.Datastore;
import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.datastore.ModelRewrite;
import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.core.datastore.PoolInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EPP's datastore: the pool, its endpoints with their latest metrics, objectives and model
 * rewrites, fed by one {@link EndpointSource} (Kubernetes, standalone selector or static list).
 *
 * <p>Lifecycle: construct, {@link #start()}, wait with {@link #awaitSynced(Duration)} (readiness
 * follows {@link #hasSynced()}), {@link #close()}. While started it recomputes
 * {@link #poolAggregates()} every {@link DatastoreOptions#aggregatesInterval()}. Metrics collection
 * attaches through {@link #addEndpointListener(EndpointListener)}. All methods are thread-safe.
 */
public final class PoolDatastore implements Datastore, EndpointEvents, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PoolDatastore.class);

  private final EndpointSource source;
  private final DatastoreOptions options;
  private final DatastoreState state = new DatastoreState();
  private final PoolAggregator aggregator;
  private final List<Consumer<PoolAggregates>> aggregateListeners = new CopyOnWriteArrayList<>();
  private volatile PoolAggregates aggregates = PoolAggregates.NONE;
  private ScheduledExecutorService aggregatesScheduler;
  private boolean started;
  private boolean closed;

  /** Creates a datastore over {@code source}; nothing runs until {@link #start()}. */
  public PoolDatastore(EndpointSource source, DatastoreOptions options) {
    this.source = Objects.requireNonNull(source, "source");
    this.options = Objects.requireNonNull(options, "options");
    this.aggregator = new PoolAggregator(options.clock(), options.stalenessThreshold());
  }

  /**
   * Starts the source and the periodic pool aggregates; returns without waiting for sync.
   *
   * @throws IllegalArgumentException when the source's configuration is unusable
   * @throws IllegalStateException when already started or closed
   */
  public synchronized void start() {
    if (started || closed) {
      throw new IllegalStateException(closed ? "datastore is closed" : "datastore already started");
    }
    started = true;
    LOG.info("Starting datastore from {}", source.description());
    source.start(state);
    aggregatesScheduler = DaemonThreads.singleThreadScheduler("pool-aggregates");
    long period = options.aggregatesInterval().toNanos();
    aggregatesScheduler.scheduleAtFixedRate(this::refreshQuietly, period, period, TimeUnit.NANOSECONDS);
  }

  /**
   * Waits until the datastore has synced or {@code timeout} elapses.
   *
   * @return true when synced
   */
  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    return state.awaitSynced(timeout);
  }

  /** Returns the readiness and the problems reported by the source. */
  public DatastoreStatus status() {
    return state.status();
  }

  @Override
  public boolean hasSynced() {
    return state.synced();
  }

  @Override
  public Optional<PoolInfo> pool() {
    return state.pool();
  }

  @Override
  public List<EndpointSnapshot> endpoints() {
    return state.endpoints.snapshots();
  }

  /** Returns the endpoints whose metrics are fresher than the staleness threshold. */
  public List<EndpointSnapshot> freshEndpoints() {
    Instant now = options.clock().instant();
    List<EndpointSnapshot> out = new ArrayList<>();
    for (EndpointSnapshot snapshot : state.endpoints.snapshots()) {
      if (!snapshot.metrics().isStale(now, options.stalenessThreshold())) {
        out.add(snapshot);
      }
    }
    return out;
  }

  /** Returns true when the endpoint named {@code name} is absent or its metrics are stale. */
  public boolean isStale(String name) {
    return state.endpoints.get(name)
        .map(e -> e.metrics().isStale(options.clock().instant(), options.stalenessThreshold()))
        .orElse(true);
  }

  /** Returns the endpoint named {@code name} as tracked by the datastore. */
  public Optional<TrackedEndpoint> endpoint(String name) {
    return state.endpoints.get(name);
  }

  @Override
  public Optional<Objective> objective(String name) {
    return Optional.ofNullable(state.objectives().get(name));
  }

  @Override
  public Optional<ModelRewrite> modelRewrite(String model) {
    return state.rewrites().find(model);
  }

  @Override
  public void addEndpointListener(EndpointListener listener) {
    state.endpoints.addEndpointListener(listener);
  }

  @Override
  public void removeEndpointListener(EndpointListener listener) {
    state.endpoints.removeEndpointListener(listener);
  }

  /** Returns the pool aggregates computed last ({@link PoolAggregates#NONE} before the first run). */
  public PoolAggregates poolAggregates() {
    return aggregates;
  }

  /** Computes the pool aggregates now, publishes them to the listeners and returns them. */
  public PoolAggregates refreshPoolAggregates() {
    PoolAggregates next = aggregator.compute(state.pool(), state.endpoints.tracked());
    aggregates = next;
    for (Consumer<PoolAggregates> listener : aggregateListeners) {
      listener.accept(next);
    }
    return next;
  }

  /** Registers {@code listener} to receive each periodic computation of the pool aggregates. */
  public void addPoolAggregatesListener(Consumer<PoolAggregates> listener) {
    aggregateListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Stops the source and the aggregates schedule; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (aggregatesScheduler != null) {
      aggregatesScheduler.shutdownNow();
    }
    source.close();
    LOG.info("Datastore from {} stopped", source.description());
  }

  private void refreshQuietly() {
    try {
      refreshPoolAggregates();
    } catch (RuntimeException e) {
      LOG.error("Computing the pool aggregates failed", e);
    }
  }
}
