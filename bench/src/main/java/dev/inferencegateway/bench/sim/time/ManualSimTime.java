package dev.inferencegateway.bench.sim.time;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Virtual time: nothing happens until {@link #advance(Duration)} or {@link #runUntilIdle()} runs the
 * due tasks, in time order (ties in scheduling order), on the calling thread.
 *
 * <p>Thread-safe: other threads may schedule tasks while one thread advances the time.
 */
public final class ManualSimTime implements SimTime {
  private final long epochOriginNanos;
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private long now;
  private long sequence;

  /** Starts at monotonic time zero, with the wall clock reading {@code start}. */
  public ManualSimTime(Instant start) {
    this.epochOriginNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
  }

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized double epochSeconds() {
    return (epochOriginNanos + now) / 1e9;
  }

  @Override
  public synchronized void schedule(Duration delay, Runnable task) {
    tasks.add(new Task(now + Math.max(0, delay.toNanos()), sequence++, task));
  }

  /** Advances the time by {@code step}, running every task that falls due on the way. */
  public void advance(Duration step) {
    long target;
    synchronized (this) {
      target = now + step.toNanos();
    }
    while (true) {
      Task next = pollDue(target);
      if (next == null) {
        break;
      }
      next.action().run();
    }
    synchronized (this) {
      now = Math.max(now, target);
    }
  }

  /**
   * Runs tasks in time order until none is left, advancing the time to each task's due time.
   *
   * @return how many tasks ran
   * @throws IllegalStateException if more than a million tasks run (a task that reschedules itself forever)
   */
  public int runUntilIdle() {
    int ran = 0;
    while (true) {
      Task next = pollDue(Long.MAX_VALUE);
      if (next == null) {
        return ran;
      }
      next.action().run();
      if (++ran > 1_000_000) {
        throw new IllegalStateException("virtual time does not become idle (over 1,000,000 tasks)");
      }
    }
  }

  /** How many tasks are scheduled and not yet run. */
  public synchronized int pendingTasks() {
    return tasks.size();
  }

  private synchronized Task pollDue(long target) {
    Task head = tasks.peek();
    if (head == null || head.dueNanos() > target) {
      return null;
    }
    tasks.poll();
    now = Math.max(now, head.dueNanos());
    return head;
  }

  private record Task(long dueNanos, long sequence, Runnable action) implements Comparable<Task> {
    @Override
    public int compareTo(Task other) {
      int byTime = Long.compare(dueNanos, other.dueNanos);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }
}
