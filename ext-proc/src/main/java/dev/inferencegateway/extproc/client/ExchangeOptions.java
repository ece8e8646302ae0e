package dev.inferencegateway.extproc.client;

import dev.inferencegateway.extproc.BodyMode;
import java.util.Map;
import java.util.Objects;

/**
 * How the Envoy-playing client drives one exchange.
 *
 * @param requestBodyMode the request body mode announced in the protocol configuration
 * @param responseBodyMode the response body mode announced in the protocol configuration
 * @param filterMetadata the filter metadata sent with every message (for example the
 *     {@code envoy.lb.subset_hint} namespace), by namespace
 * @param sendProtocolConfig whether to announce the modes (older Envoys do not)
 */
public record ExchangeOptions(BodyMode requestBodyMode, BodyMode responseBodyMode,
    Map<String, Map<String, Object>> filterMetadata, boolean sendProtocolConfig) {
  public ExchangeOptions {
    Objects.requireNonNull(requestBodyMode, "requestBodyMode");
    Objects.requireNonNull(responseBodyMode, "responseBodyMode");
    filterMetadata = Map.copyOf(filterMetadata);
  }

  /** Full-duplex streaming both ways, no metadata: the reference Envoy configuration. */
  public static ExchangeOptions fullDuplex() {
    return new ExchangeOptions(BodyMode.FULL_DUPLEX_STREAMED, BodyMode.FULL_DUPLEX_STREAMED, Map.of(), true);
  }

  /** Returns these options with other filter metadata. */
  public ExchangeOptions withFilterMetadata(Map<String, Map<String, Object>> metadata) {
    return new ExchangeOptions(requestBodyMode, responseBodyMode, metadata, sendProtocolConfig);
  }

  /** Returns these options with other body modes. */
  public ExchangeOptions withModes(BodyMode request, BodyMode response) {
    return new ExchangeOptions(request, response, filterMetadata, sendProtocolConfig);
  }
}
