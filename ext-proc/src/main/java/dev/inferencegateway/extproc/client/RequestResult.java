package dev.inferencegateway.extproc.client;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the processor answered for the request phase of an exchange.
 *
 * @param immediate the immediate response, when the processor answered the client directly
 * @param setHeaders headers the processor set (lower-case names, in order)
 * @param removedHeaders headers the processor removed
 * @param clearRouteCache whether the processor asked to re-run route selection
 * @param dynamicMetadata dynamic metadata by namespace
 * @param body the request body as the processor passes it upstream
 * @param bodyChunkSizes the sizes of the streamed body chunks received (empty in buffered mode)
 */
public record RequestResult(Optional<Immediate> immediate, Map<String, String> setHeaders,
    List<String> removedHeaders, boolean clearRouteCache, Map<String, Object> dynamicMetadata,
    ByteString body, List<Integer> bodyChunkSizes) {

  /** Returns the value the processor set for {@code name} (lower case). */
  public Optional<String> header(String name) {
    return Optional.ofNullable(setHeaders.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  /**
   * An immediate response.
   *
   * @param status the HTTP status
   * @param body the body text
   * @param headers headers set on it
   */
  public record Immediate(int status, String body, Map<String, String> headers) {}
}
