package dev.inferencegateway.bench.sim.time;

import java.time.Duration;

/**
 * The time a simulated model server runs on: a monotonic clock, a wall clock and delayed tasks.
 *
 * <p>{@link SystemSimTime} follows real time; {@link ManualSimTime} is virtual time that a test or
 * an offline simulation advances explicitly, so latencies are exact and runs are deterministic.
 */
public interface SimTime {

  /** Monotonic time in nanoseconds (arbitrary origin). */
  long nanoTime();

  /** Wall-clock time as Unix seconds with a fractional part. */
  double epochSeconds();

  /** Runs {@code task} once {@code delay} has passed; a zero or negative delay means as soon as possible. */
  void schedule(Duration delay, Runnable task);
}
