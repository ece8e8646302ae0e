package dev.inferencegateway.epp.core.plugin;

import dev.inferencegateway.epp.core.datastore.Datastore;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * What a plugin factory may use: injected time, randomness and executors, the other plugins, the
 * datastore, the metrics recorder and the warning channel.
 *
 * <p>Everything time- or randomness-dependent goes through the handle so that tests and
 * simulations are deterministic.
 */
public interface PluginHandle {
  /** Returns the wall clock. */
  Clock clock();

  /** Returns a monotonic nanosecond clock. */
  LongSupplier nanoClock();

  /** Returns the shared random source (seeded in tests and simulations). */
  RandomGenerator random();

  /** Returns the executor for background work such as periodic purges. */
  ScheduledExecutorService scheduler();

  /** Returns the datastore view (pool, endpoints, objectives). */
  Datastore datastore();

  /** Returns the metrics recorder; a no-op when metrics are not exported. */
  MetricsRecorder metrics();

  /** Returns the plugin instance with the given name, if it has been created already. */
  Optional<Plugin> plugin(String name);

  /** Returns all plugin instances created so far that implement {@code role}. */
  <T> List<T> pluginsOf(Class<T> role);

  /** Reports a configuration warning (deprecations and the like); it is logged at startup. */
  void warn(String message);
}
