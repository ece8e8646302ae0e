package dev.inferencegateway.bbr.plugin;

import com.google.protobuf.ByteString;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.scheduling.CycleState;

/**
 * A BBR plugin on the response path. It sees the response headers once and then every body chunk
 * as it arrives, so a server-sent-event stream stays a stream: a processor that needs the whole
 * body buffers it in the {@link CycleState} and emits it at the end.
 */
public interface ResponseProcessor extends Plugin {
  /** Inspects the response headers and may change them through {@code response}. */
  default void processResponseHeaders(CycleState state, BbrResponse response) {}

  /**
   * Processes one response body chunk and returns the bytes to pass downstream now (empty to hold
   * them back).
   *
   * @param state scratch state shared with the request processors of this exchange
   * @param response the response headers and the request headers as forwarded
   * @param chunk the chunk received from upstream (or emitted by the previous processor)
   * @param endOfStream true for the last chunk; when the response ends with trailers instead, the
   *     processor is called once more with an empty chunk and {@code endOfStream} true
   */
  ByteString processResponseChunk(CycleState state, BbrResponse response, ByteString chunk,
      boolean endOfStream);
}
