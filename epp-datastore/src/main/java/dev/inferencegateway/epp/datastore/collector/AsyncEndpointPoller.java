package dev.inferencegateway.epp.datastore.collector;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * An {@link EndpointPoller} whose polls run on an event loop without holding a thread: the
 * collector starts each poll on {@link #loop()} and continues from the callback.
 */
public interface AsyncEndpointPoller extends EndpointPoller {
  /** Returns the loop this poller's I/O and callbacks run on. */
  PollLoop loop();

  /**
   * Starts one poll bounded by {@code timeout}. Call on the loop thread, with no other poll of
   * this poller in flight; {@code callback} runs exactly once, on the loop thread.
   */
  void pollAsync(Duration timeout, PollCallback callback);

  /** Polls once from a thread other than the loop's, waiting for the asynchronous poll to end. */
  @Override
  default Object poll(Duration timeout) throws Exception {
    if (loop().inLoop()) {
      throw new IllegalStateException("a blocking poll cannot run on the poll loop thread");
    }
    CompletableFuture<Object> result = new CompletableFuture<>();
    loop().execute(() -> pollAsync(timeout, (data, failure) -> {
      if (failure == null) {
        result.complete(data);
      } else {
        result.completeExceptionally(failure);
      }
    }));
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
