package dev.inferencegateway.epp.datastore.collector;

import dev.inferencegateway.epp.datastore.TrackedEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling loop of one endpoint: every tick it polls each data source in turn and runs its
 * extractors. Ticks that a slow poll overruns are skipped, as with a Go ticker. The first tick is
 * offset by a stable fraction of the interval derived from the endpoint name, so that endpoints
 * added together do not poll in lockstep.
 */
final class EndpointLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsCollector.class);

  private final TrackedEndpoint endpoint;
  private final List<SourceRun> runs = new ArrayList<>();
  private final CollectorOptions options;
  private volatile boolean running = true;
  private volatile Thread thread;

  EndpointLoop(TrackedEndpoint endpoint, List<DataLayerSource> sources, CollectorOptions options,
      CollectorCounters counters) {
    this.endpoint = endpoint;
    this.options = options;
    for (DataLayerSource source : sources) {
      runs.add(new SourceRun(endpoint, source, counters));
    }
  }

  void start() {
    Thread t = options.loopThreads().newThread(this);
    t.setName("metrics-" + endpoint.name());
    thread = t;
    t.start();
  }

  void stop() {
    running = false;
    runs.forEach(SourceRun::close);
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  boolean isAlive() {
    Thread t = thread;
    return t != null && t.isAlive();
  }

  @Override
  public void run() {
    long interval = options.refreshInterval().toNanos();
    long next = System.nanoTime() + Math.floorMod(endpoint.name().hashCode(), interval);
    try {
      while (running && waitUntil(next)) {
        for (SourceRun run : runs) {
          if (!run.runOnce(options.pollTimeout(), options.clock()::instant, () -> running)) {
            return;
          }
        }
        next += interval;
        long now = System.nanoTime();
        if (now - next > 0) {
          next = now + Math.floorMod(next - now, interval);
        }
      }
    } catch (RuntimeException e) {
      LOG.error("Metrics loop of endpoint {} stopped unexpectedly", endpoint.name(), e);
    } finally {
      runs.forEach(SourceRun::close);
    }
  }

  private boolean waitUntil(long deadline) {
    long left;
    while (running && (left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted() && !running) {
        return false;
      }
    }
    return running;
  }
}
