package dev.inferencegateway.epp.datastore.collector;

/** Receives the outcome of one asynchronous poll, exactly once, on the poller's loop thread. */
@FunctionalInterface
public interface PollCallback {
  /**
   * Called when the poll ends.
   *
   * @param data the data, an instance of the source's output type, or null on failure
   * @param failure the failure, or null on success; its message names the endpoint and the cause
   */
  void completed(Object data, Exception failure);
}
