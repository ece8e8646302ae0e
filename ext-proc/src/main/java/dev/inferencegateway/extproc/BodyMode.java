package dev.inferencegateway.extproc;

import io.envoyproxy.envoy.extensions.filters.http.ext_proc.v3.ProcessingMode.BodySendMode;

/** How Envoy sends a body to the processor, as announced in the stream's protocol configuration. */
public enum BodyMode {
  /** Body events are not sent. */
  NONE,
  /** Chunks are sent and each is answered in turn (supported for responses only). */
  STREAMED,
  /** The whole body is sent in one message, after the header response. */
  BUFFERED,
  /** Like {@link #BUFFERED} but cut at Envoy's buffer limit (supported for responses only). */
  BUFFERED_PARTIAL,
  /** Chunks flow both ways without waiting; the processor answers with streamed responses. */
  FULL_DUPLEX_STREAMED;

  /** Converts Envoy's enum. */
  public static BodyMode of(BodySendMode mode) {
    return switch (mode) {
      case NONE -> NONE;
      case STREAMED -> STREAMED;
      case BUFFERED -> BUFFERED;
      case BUFFERED_PARTIAL -> BUFFERED_PARTIAL;
      case FULL_DUPLEX_STREAMED -> FULL_DUPLEX_STREAMED;
      case UNRECOGNIZED -> throw new IllegalArgumentException("unrecognised body send mode");
    };
  }
}
