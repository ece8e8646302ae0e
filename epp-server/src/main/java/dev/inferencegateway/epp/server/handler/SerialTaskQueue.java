package dev.inferencegateway.epp.server.handler;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one request's tasks in submission order on a shared executor, off the stream's thread. At
 * most {@code capacity} tasks wait; a submitter beyond that waits for room, as a bounded channel.
 */
final class SerialTaskQueue {
  private static final Logger LOG = LoggerFactory.getLogger(SerialTaskQueue.class);

  private final Executor executor;
  private final Semaphore room;
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

  SerialTaskQueue(Executor executor, int capacity) {
    this.executor = executor;
    this.room = new Semaphore(capacity);
  }

  /** Queues {@code task} after every task submitted before it. */
  synchronized void submit(Runnable task) {
    room.acquireUninterruptibly();
    tail = tail.thenRunAsync(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("response plugin task failed: {}", e.toString());
        LOG.debug("response plugin task failure", e);
      } finally {
        room.release();
      }
    }, executor);
  }

  /** Waits up to {@code bound} for every queued task to finish; returns false on timeout. */
  boolean drain(Duration bound) {
    CompletableFuture<Void> last;
    synchronized (this) {
      last = tail;
    }
    try {
      last.get(bound.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return true;
    }
  }
}
