package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A response body of a known length, or, when the length is unknown, the bytes until the server
 * closes the connection (which then cannot be reused).
 */
final class LengthBodyStream extends InputStream {
  private final HttpConnection connection;
  private final boolean keepAlive;
  private final boolean untilClose;
  private long remaining;
  private boolean done;

  /**
   * Creates the stream.
   *
   * @param length the body length, or -1 to read until the connection closes
   */
  LengthBodyStream(HttpConnection connection, long length, boolean keepAlive) {
    this.connection = connection;
    this.untilClose = length < 0;
    this.keepAlive = keepAlive && !untilClose;
    this.remaining = untilClose ? Long.MAX_VALUE : length;
    if (remaining == 0) {
      finish();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (done) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    int n = connection.read(target, offset, (int) Math.min(length, remaining));
    if (n < 0) {
      if (untilClose) {
        finish();
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

  private void finish() {
    done = true;
    connection.exchangeComplete(keepAlive);
  }
}
