package dev.inferencegateway.extproc;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Map;

/**
 * What a handler sends back for one response body chunk: the bytes to pass on (possibly none
 * while buffering, possibly transformed) and, on the last chunk, dynamic metadata.
 *
 * @param emit the bytes to pass downstream now, in order
 * @param dynamicMetadata metadata by namespace, attached to the final message
 */
public record ResponseBodyOutcome(List<ByteString> emit, Map<String, Map<String, Object>> dynamicMetadata) {
  public ResponseBodyOutcome {
    emit = List.copyOf(emit);
    dynamicMetadata = Map.copyOf(dynamicMetadata);
  }

  /** Passes {@code chunk} on unchanged. */
  public static ResponseBodyOutcome echo(ByteString chunk) {
    return new ResponseBodyOutcome(List.of(chunk), Map.of());
  }

  /** Holds the chunk back (the handler buffers it). */
  public static ResponseBodyOutcome hold() {
    return new ResponseBodyOutcome(List.of(), Map.of());
  }
}
