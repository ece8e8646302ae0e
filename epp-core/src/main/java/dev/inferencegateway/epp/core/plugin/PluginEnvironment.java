package dev.inferencegateway.epp.core.plugin;

import dev.inferencegateway.epp.core.datastore.Datastore;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The injected services that every {@link PluginHandle} hands to plugins: time, randomness,
 * the background executor, the datastore and the metrics recorder.
 *
 * @param clock the wall clock
 * @param nanoClock a monotonic nanosecond clock
 * @param random the shared random source
 * @param scheduler the executor for background and periodic work
 * @param datastore the pool view
 * @param metrics the metrics sink
 */
public record PluginEnvironment(Clock clock, LongSupplier nanoClock, RandomGenerator random,
    ScheduledExecutorService scheduler, Datastore datastore, MetricsRecorder metrics) {
  public PluginEnvironment {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(nanoClock, "nanoClock");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(datastore, "datastore");
    Objects.requireNonNull(metrics, "metrics");
  }
}
