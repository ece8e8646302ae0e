package dev.inferencegateway.epp.datastore.collector;

/**
 * An event loop that runs asynchronous pollers' I/O, their completions and the collector's ticks
 * on one thread, so that a poll hands nothing between threads.
 */
public interface PollLoop {
  /** Runs {@code task} on the loop thread; callable from any thread. */
  void execute(Runnable task);

  /**
   * Runs {@code task} on the loop thread once {@code delayNanos} have passed. Call on the loop
   * thread.
   *
   * @return a handle that cancels the task, from any thread
   */
  Scheduled schedule(Runnable task, long delayNanos);

  /** Returns whether the calling thread is the loop thread. */
  boolean inLoop();

  /** A task scheduled on a {@link PollLoop}. */
  interface Scheduled {
    /** Keeps the task from running if it has not run yet; idempotent. */
    void cancel();
  }
}
