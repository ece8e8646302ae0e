package dev.inferencegateway.extproc;

import com.google.protobuf.ByteString;
import java.util.Map;

/**
 * The per-request logic behind one ext_proc stream; the {@link ExtProcService} engine handles the
 * protocol (modes, ordering, chunking, single writer) and calls these methods in order, from one
 * thread at a time.
 */
public interface ExchangeHandler {
  /**
   * Decides what happens to the request once its headers and complete body are known.
   *
   * <p>An unexpected exception becomes a gRPC {@code INTERNAL} error (Envoy then applies its
   * failure mode); expected failures are returned as {@link RequestOutcome.Reject}.
   */
  RequestOutcome onRequest(RequestContext request);

  /** Returns the changes to apply to the response headers; none by default. */
  default HeaderChanges onResponseHeaders(HttpHeadersView headers,
      Map<String, Map<String, Object>> metadata, boolean endOfStream) {
    return HeaderChanges.NONE;
  }

  /** Handles one response body chunk; echoes it by default. */
  default ResponseBodyOutcome onResponseBody(ByteString chunk, boolean endOfStream) {
    return ResponseBodyOutcome.echo(chunk);
  }

  /**
   * Called when the response trailers arrive, which end a response whose last body chunk did not
   * carry end of stream; returns the bytes still held back (sent before the trailers answer) and
   * the dynamic metadata for the final message. Nothing by default.
   */
  default ResponseBodyOutcome onResponseTrailers() {
    return ResponseBodyOutcome.hold();
  }

  /** Called once when the stream ends, however it ends. */
  default void onClose(CloseReason reason) {}
}
