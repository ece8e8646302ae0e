package dev.inferencegateway.bench.jmh.scheduling;

import dev.inferencegateway.epp.core.datastore.Datastore;
import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.datastore.ModelRewrite;
import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.core.datastore.PoolInfo;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.plugin.PluginHandle;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * A {@link PluginHandle} for benchmarks: system clocks, a seeded random source, a daemon
 * scheduler, a fixed endpoint list as datastore and no metrics export.
 */
final class BenchPluginHandle implements PluginHandle, Datastore, AutoCloseable {
  private final List<EndpointSnapshot> endpoints;
  private final RandomGenerator random = new SplittableRandom(42);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "bench-plugin-scheduler");
    thread.setDaemon(true);
    return thread;
  });

  BenchPluginHandle(List<EndpointSnapshot> endpoints) {
    this.endpoints = List.copyOf(endpoints);
  }

  @Override
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public LongSupplier nanoClock() {
    return System::nanoTime;
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  @Override
  public Datastore datastore() {
    return this;
  }

  @Override
  public MetricsRecorder metrics() {
    return MetricsRecorder.NOOP;
  }

  @Override
  public Optional<Plugin> plugin(String name) {
    return Optional.empty();
  }

  @Override
  public <T> List<T> pluginsOf(Class<T> role) {
    return List.of();
  }

  @Override
  public void warn(String message) {
    throw new IllegalStateException("unexpected configuration warning: " + message);
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
  public List<EndpointSnapshot> endpoints() {
    return endpoints;
  }

  @Override
  public Optional<Objective> objective(String name) {
    return Optional.empty();
  }

  @Override
  public Optional<ModelRewrite> modelRewrite(String model) {
    return Optional.empty();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
