package dev.inferencegateway.epp.datastore;

/**
 * Where the pool and its endpoints come from: Kubernetes informers, a standalone label selector,
 * or a static list.
 */
public interface EndpointSource extends AutoCloseable {
  /** Returns a short description for logs, e.g. {@code InferencePool ns/name}. */
  String description();

  /**
   * Starts feeding {@code sink}; returns without waiting for the initial state.
   *
   * @throws IllegalArgumentException when the source's configuration is unusable (the message
   *     names the file, flag or field)
   */
  void start(PoolStateSink sink);

  /** Stops the source; the sink receives no further calls. */
  @Override
  void close();
}
