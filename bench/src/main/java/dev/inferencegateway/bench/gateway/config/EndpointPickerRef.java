package dev.inferencegateway.bench.gateway.config;

import java.util.List;

/**
 * A pool's endpoint picker (EPP), as the InferencePool's {@code endpointPickerRef} with an address
 * instead of a Service.
 *
 * @param address the EPP's ext_proc address, {@code host:port} (the chart's port is 9002)
 * @param tls whether the EPP serves TLS (default true, as its {@code --secure-serving}); the
 *     gateway trusts any certificate, including the EPP's self-signed one
 * @param failureMode what happens when the EPP is unreachable or fails (default FailClose)
 * @param subsetHint endpoints sent as the subset hint
 *     ({@code envoy.lb.subset_hint/x-gateway-destination-endpoint-subset}); absent = no hint
 */
public record EndpointPickerRef(String address, Boolean tls, FailureMode failureMode, List<String> subsetHint) {
  public EndpointPickerRef {
    address = Endpoints.requireAddress("address", address);
    tls = tls == null || tls;
    failureMode = failureMode == null ? FailureMode.FAIL_CLOSE : failureMode;
    subsetHint = subsetHint == null ? null : Endpoints.requireAddresses("subsetHint", subsetHint);
  }

  /** An EPP at {@code address} without a subset hint. */
  public static EndpointPickerRef of(String address, boolean tls, FailureMode failureMode) {
    return new EndpointPickerRef(address, tls, failureMode, null);
  }

  /** Returns whether a subset hint is configured (an empty list is a hint that matches nothing). */
  public boolean hasSubsetHint() {
    return subsetHint != null;
  }
}
