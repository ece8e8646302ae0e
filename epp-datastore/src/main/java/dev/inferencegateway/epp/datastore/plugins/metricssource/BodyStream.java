package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.io.IOException;
import java.io.InputStream;

/**
 * A response body read from its connection: subclasses frame the bytes, and once the body ends
 * they tell the connection whether it can carry the next request.
 */
abstract class BodyStream extends InputStream {
  private final BufferedInput connection;
  private final boolean keepAlive;
  private boolean done;

  BodyStream(BufferedInput connection, boolean keepAlive) {
    this.connection = connection;
    this.keepAlive = keepAlive;
  }

  /** Reads at most {@code length > 0} bytes of a body that has not ended; -1 when it ends now. */
  abstract int readFramed(BufferedInput from, byte[] target, int offset, int length) throws IOException;

  /** Returns the body of {@code head} as framed by its headers (no body, a length, chunks, or until close). */
  static BodyStream framed(BufferedInput source, ResponseHead head) {
    if (!head.hasBody()) {
      return new LengthBodyStream(source, 0, head.keepAlive());
    }
    if (head.chunked()) {
      return new ChunkedBodyStream(source, head.keepAlive());
    }
    return new LengthBodyStream(source, head.contentLength(), head.keepAlive());
  }

  @Override
  public final int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public final int read(byte[] target, int offset, int length) throws IOException {
    if (done) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    int n = readFramed(connection, target, offset, length);
    if (n < 0) {
      finish();
    }
    return n;
  }

  /** Ends the body; the next read returns -1. */
  final void finish() {
    if (!done) {
      done = true;
      connection.exchangeComplete(keepAlive);
    }
  }
}
