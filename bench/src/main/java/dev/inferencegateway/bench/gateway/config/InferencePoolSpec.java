package dev.inferencegateway.bench.gateway.config;

import java.util.List;

/**
 * An InferencePool as the local gateway sees it: its endpoint picker and its model-server
 * endpoints.
 *
 * @param name the pool name that route backendRefs use
 * @param endpointPickerRef the pool's EPP; absent means the gateway balances over
 *     {@code endpoints} round-robin by itself
 * @param endpoints the model servers, {@code ip:port}; required with FailOpen or without an EPP
 */
public record InferencePoolSpec(String name, EndpointPickerRef endpointPickerRef, List<String> endpoints) {
  public InferencePoolSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("'name' is required");
    }
    endpoints = Endpoints.requireAddresses("endpoints", endpoints);
    if (endpointPickerRef == null && endpoints.isEmpty()) {
      throw new IllegalArgumentException("'endpoints' must list at least one ip:port when the pool has no"
          + " endpointPickerRef");
    }
    if (endpointPickerRef != null && endpointPickerRef.failureMode() == FailureMode.FAIL_OPEN
        && endpoints.isEmpty()) {
      throw new IllegalArgumentException("'endpoints' must list at least one ip:port for failureMode FailOpen"
          + " (the gateway forwards to them when the endpoint picker is down)");
    }
  }

  /** A pool served through {@code epp}. */
  public static InferencePoolSpec of(String name, EndpointPickerRef epp, List<String> endpoints) {
    return new InferencePoolSpec(name, epp, endpoints);
  }
}
