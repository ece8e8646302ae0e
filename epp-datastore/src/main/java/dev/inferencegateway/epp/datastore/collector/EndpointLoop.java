package dev.inferencegateway.epp.datastore.collector;

import dev.inferencegateway.epp.datastore.TrackedEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling loop of one endpoint: every tick it polls each data source in turn and runs its
 * extractors. Ticks that a slow poll overruns are skipped, as with a Go ticker. Ticks fall on one
 * of a few phases of a grid all loops share (see {@link #firstTick}): the loops of a phase wake
 * together, which saves thread wake-ups, and the phases keep all endpoints from polling at once.
 */
final class EndpointLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsCollector.class);
  /** The number of instants per interval at which loops wake. */
  static final int PHASES = 10;

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
    long next = firstTick(System.nanoTime(), interval, endpoint.name());
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

  /**
   * Returns the first tick: the next instant of the endpoint's phase, one of {@value #PHASES}
   * evenly spaced instants of every interval (on a grid shared by all loops, chosen by the name's
   * hash), so that the loops of a phase wake together and the phases spread the work.
   */
  static long firstTick(long now, long interval, String name) {
    long phase = Math.floorMod(name.hashCode(), PHASES) * (interval / PHASES);
    long next = now - Math.floorMod(now, interval) + phase;
    return next - now > 0 ? next : next + interval;
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
