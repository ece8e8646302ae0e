package dev.inferencegateway.epp.server.handler;

import com.google.protobuf.ByteString;

/**
 * Splits a server-sent-event stream arriving in arbitrary chunks into runs of complete lines,
 * holding back a trailing partial line until its newline arrives (at most {@code maxPending}
 * bytes; a longer line is released as is).
 */
final class SseLineBuffer {
  private final int maxPending;
  private ByteString pending = ByteString.EMPTY;

  SseLineBuffer(int maxPending) {
    this.maxPending = maxPending;
  }

  /** Appends {@code chunk} and returns every complete line now available (possibly empty). */
  ByteString append(ByteString chunk) {
    ByteString data = pending.isEmpty() ? chunk : pending.concat(chunk);
    int lastNewline = lastIndexOfNewline(data);
    if (lastNewline < 0) {
      if (data.size() > maxPending) {
        pending = ByteString.EMPTY;
        return data;
      }
      pending = data;
      return ByteString.EMPTY;
    }
    pending = data.substring(lastNewline + 1);
    if (pending.size() > maxPending) {
      ByteString all = data;
      pending = ByteString.EMPTY;
      return all;
    }
    return data.substring(0, lastNewline + 1);
  }

  /** Returns and clears the held partial line (at the end of the stream). */
  ByteString flush() {
    ByteString rest = pending;
    pending = ByteString.EMPTY;
    return rest;
  }

  private static int lastIndexOfNewline(ByteString data) {
    for (int i = data.size() - 1; i >= 0; i--) {
      if (data.byteAt(i) == '\n') {
        return i;
      }
    }
    return -1;
  }
}
