package dev.inferencegateway.extproc;

import com.google.protobuf.ByteString;
import java.util.Map;
import java.util.Objects;

/**
 * A complete request as received from Envoy, handed to {@link ExchangeHandler#onRequest}.
 *
 * @param headers the request headers (pseudo-headers such as {@code :path} included)
 * @param body the complete body, empty when {@code hasBody} is false
 * @param hasBody false for a header-only request (headers carried end of stream)
 * @param metadata Envoy's filter metadata from the latest message, by namespace
 * @param mode the request body mode Envoy uses for this stream
 */
public record RequestContext(HttpHeadersView headers, ByteString body, boolean hasBody,
    Map<String, Map<String, Object>> metadata, BodyMode mode) {
  public RequestContext {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    metadata = Map.copyOf(metadata);
    Objects.requireNonNull(mode, "mode");
  }
}
