package dev.inferencegateway.epp.datastore;

/**
 * Receives endpoint additions and removals, in order, for example to start and stop per-endpoint
 * metrics polling.
 *
 * <p>Callbacks run on the thread that changed the datastore while it holds its endpoint lock:
 * they must return quickly and must not change the datastore.
 */
public interface EndpointListener {
  /** Called when an endpoint joins the pool (and for every existing endpoint on registration). */
  void endpointAdded(TrackedEndpoint endpoint);

  /** Called when an endpoint leaves the pool or changes address. */
  void endpointRemoved(TrackedEndpoint endpoint);
}
