package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.io.EOFException;
import java.io.IOException;

/**
 * A response body of a known length, or, when the length is unknown, the bytes until the server
 * closes the connection (which then cannot be reused).
 */
final class LengthBodyStream extends BodyStream {
  private final boolean untilClose;
  private long remaining;

  /**
   * Creates the stream.
   *
   * @param length the body length, or -1 to read until the connection closes
   */
  LengthBodyStream(BufferedInput connection, long length, boolean keepAlive) {
    super(connection, keepAlive && length >= 0);
    this.untilClose = length < 0;
    this.remaining = untilClose ? Long.MAX_VALUE : length;
    if (remaining == 0) {
      finish();
    }
  }

  @Override
  int readFramed(BufferedInput from, byte[] target, int offset, int length) throws IOException {
    int n = from.read(target, offset, (int) Math.min(length, remaining));
    if (n < 0) {
      if (untilClose) {
        return -1;
      }
      throw new EOFException("connection closed with " + remaining + " body bytes missing");
    }
    remaining -= n;
    if (remaining == 0) {
      finish();
    }
    return n;
  }
}
