package dev.inferencegateway.bench.gateway.config;

/**
 * The Body-Based Router the gateway calls first for every request, over ext_proc in
 * FULL_DUPLEX_STREAMED mode, fail-closed as the body-based-routing chart configures it.
 *
 * @param address the BBR's gRPC address, {@code host:port} (the chart's port is 9004)
 * @param tls whether the BBR serves TLS (default true, as its {@code --secure-serving}); the
 *     gateway trusts any certificate
 * @param processResponse whether responses also pass through the BBR (default true, as the
 *     chart's {@code supportedEvents})
 */
public record BodyBasedRouterRef(String address, Boolean tls, Boolean processResponse) {
  public BodyBasedRouterRef {
    address = Endpoints.requireAddress("address", address);
    tls = tls == null || tls;
    processResponse = processResponse == null || processResponse;
  }

  /** A BBR at {@code address}, plaintext or TLS, with response processing. */
  public static BodyBasedRouterRef of(String address, boolean tls) {
    return new BodyBasedRouterRef(address, tls, true);
  }
}
