package dev.inferencegateway.epp.plugins.producer.prefix;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The index updates that {@code PreRequest} hands over so that the request is answered without
 * waiting for them (upstream updates its index asynchronously too).
 *
 * <p>Updates run in submission order on the background executor; whoever matches next applies any
 * still pending first, so a request always sees every earlier request's learning. Nothing is
 * dropped: above {@value #MAX_PENDING} pending updates the submitter applies them itself.
 */
final class LearningQueue {
  /** The most updates left pending before a submitter applies them itself. */
  static final int MAX_PENDING = 4096;

  private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final Executor background;

  LearningQueue(Executor background) {
    this.background = background;
  }

  /** Queues {@code update} and makes sure a drain will run. */
  void submit(Runnable update) {
    pending.add(update);
    if (size.incrementAndGet() > MAX_PENDING) {
      drain();
      return;
    }
    if (drainScheduled.compareAndSet(false, true)) {
      try {
        background.execute(() -> {
          drainScheduled.set(false);
          drain();
        });
      } catch (RejectedExecutionException e) {
        drainScheduled.set(false);
        drain();
      }
    }
  }

  /** Applies every pending update on the calling thread. */
  void drain() {
    for (Runnable update = pending.poll(); update != null; update = pending.poll()) {
      size.decrementAndGet();
      update.run();
    }
  }

  /** Returns whether no update is pending. */
  boolean isEmpty() {
    return pending.isEmpty();
  }
}
