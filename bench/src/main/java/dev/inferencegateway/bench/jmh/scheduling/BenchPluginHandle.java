package dev.inferencegateway.bench.jmh.scheduling;

import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.datastore.FixedDatastore;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.plugin.EnvironmentPluginHandle;
import dev.inferencegateway.epp.core.plugin.PluginEnvironment;
import dev.inferencegateway.epp.core.plugin.PluginHandle;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;

/**
 * A {@link PluginHandle} for benchmarks: system clocks, a seeded random source, a daemon
 * scheduler, a fixed endpoint list as datastore and no metrics export.
 */
final class BenchPluginHandle extends EnvironmentPluginHandle implements AutoCloseable {
  BenchPluginHandle(List<EndpointSnapshot> endpoints) {
    super(new PluginEnvironment(Clock.systemUTC(), System::nanoTime, new SplittableRandom(42),
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread thread = new Thread(r, "bench-plugin-scheduler");
          thread.setDaemon(true);
          return thread;
        }), new FixedDatastore(endpoints), MetricsRecorder.NOOP));
  }

  @Override
  public void warn(String message) {
    throw new IllegalStateException("unexpected configuration warning: " + message);
  }

  @Override
  public void close() {
    scheduler().shutdownNow();
  }
}
