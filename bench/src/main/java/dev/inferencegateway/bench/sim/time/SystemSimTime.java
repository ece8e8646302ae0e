package dev.inferencegateway.bench.sim.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Real time: tasks run on a scheduled executor, the wall clock comes from a {@link Clock}. */
public final class SystemSimTime implements SimTime, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SystemSimTime.class);

  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final boolean ownsScheduler;

  /** Uses {@code scheduler} for delayed tasks (not shut down by {@link #close()}) and {@code clock}. */
  public SystemSimTime(ScheduledExecutorService scheduler, Clock clock) {
    this(scheduler, clock, false);
  }

  private SystemSimTime(ScheduledExecutorService scheduler, Clock clock, boolean ownsScheduler) {
    this.scheduler = scheduler;
    this.clock = clock;
    this.ownsScheduler = ownsScheduler;
  }

  /** Creates real time with its own single daemon scheduler thread, shut down by {@link #close()}. */
  public static SystemSimTime create() {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "sim-engine-clock");
      thread.setDaemon(true);
      return thread;
    });
    return new SystemSimTime(scheduler, Clock.systemUTC(), true);
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public double epochSeconds() {
    Instant now = clock.instant();
    return now.getEpochSecond() + now.getNano() / 1e9;
  }

  @Override
  public void schedule(Duration delay, Runnable task) {
    Runnable guarded = () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("simulated engine task failed", e);
      }
    };
    scheduler.schedule(guarded, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
  }
}
