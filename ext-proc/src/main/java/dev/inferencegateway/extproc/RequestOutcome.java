package dev.inferencegateway.extproc;

import com.google.protobuf.ByteString;
import java.util.Map;
import java.util.Objects;

/** What a handler decides once the request (headers and complete body) is known. */
public sealed interface RequestOutcome {

  /**
   * Let the request continue upstream with these changes.
   *
   * @param headers header changes (the engine adds {@code content-length} in full-duplex mode)
   * @param body the body to send upstream (the received body when unchanged)
   * @param bodyChanged whether {@code body} differs from the received body
   * @param dynamicMetadata metadata by namespace, attached to the header response
   */
  record Forward(HeaderChanges headers, ByteString body, boolean bodyChanged,
      Map<String, Map<String, Object>> dynamicMetadata) implements RequestOutcome {
    public Forward {
      Objects.requireNonNull(headers, "headers");
      Objects.requireNonNull(body, "body");
      dynamicMetadata = Map.copyOf(dynamicMetadata);
    }
  }

  /**
   * Answer the client directly without forwarding (Envoy's immediate response).
   *
   * @param httpStatus the HTTP status
   * @param body the response body
   * @param headers extra response headers
   */
  record Reject(int httpStatus, String body, HeaderChanges headers) implements RequestOutcome {
    public Reject {
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(headers, "headers");
    }
  }
}
