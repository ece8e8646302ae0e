package dev.inferencegateway.epp.datastore.collector;

import dev.inferencegateway.epp.datastore.TrackedEndpoint;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling loop of one endpoint on a thread of its own, for data sources that poll by
 * blocking: every tick it polls each source in turn and runs its extractors. Ticks that a slow
 * poll overruns are skipped, as with a Go ticker.
 */
final class ThreadEndpointLoop implements EndpointLoop, Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsCollector.class);

  private final TrackedEndpoint endpoint;
  private final List<SourceRun> runs;
  private final CollectorOptions options;
  private volatile boolean running = true;
  private volatile Thread thread;

  ThreadEndpointLoop(TrackedEndpoint endpoint, List<SourceRun> runs, CollectorOptions options) {
    this.endpoint = endpoint;
    this.runs = runs;
    this.options = options;
  }

  @Override
  public void start() {
    Thread t = options.loopThreads().newThread(this);
    t.setName("metrics-" + endpoint.name());
    thread = t;
    t.start();
  }

  @Override
  public void stop() {
    running = false;
    runs.forEach(SourceRun::close);
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  public void run() {
    long interval = options.refreshInterval().toNanos();
    long next = System.nanoTime() + EndpointLoop.firstTickOffset(endpoint, interval);
    try {
      while (running && waitUntil(next)) {
        for (SourceRun run : runs) {
          if (!run.runOnce(options.pollTimeout(), options.clock()::instant, () -> running)) {
            return;
          }
        }
        next = EndpointLoop.nextTick(next, interval, System.nanoTime());
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
