package dev.inferencegateway.epp.datastore;

/** A source of {@link EndpointListener} notifications. */
public interface EndpointEvents {
  /** Registers {@code listener} and immediately reports every current endpoint to it as added. */
  void addEndpointListener(EndpointListener listener);

  /** Unregisters {@code listener}; it receives no further calls. */
  void removeEndpointListener(EndpointListener listener);
}
