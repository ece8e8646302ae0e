package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * Where a response head and body are read from, over a byte buffer that a subclass refills (a
 * connection, or bytes already received): lines of at most {@link #MAX_LINE} bytes ending in CRLF
 * or LF, and body bytes.
 */
abstract class BufferedInput {
  /** The longest status or header line accepted. */
  static final int MAX_LINE = 8192;

  byte[] buffer;
  int position;
  int limit;

  BufferedInput(byte[] buffer) {
    this.buffer = buffer;
  }

  /**
   * Makes more bytes available in {@code buffer[position, limit)} once those before were consumed;
   * returns false at the end of the stream.
   */
  abstract boolean fill() throws IOException;

  /** Marks the current exchange complete; {@code keepAlive} tells whether the next may follow. */
  abstract void exchangeComplete(boolean keepAlive);

  /** Reads straight into {@code target} a request at least as large as the buffer; -1 at the end. */
  int readDirect(byte[] target, int offset, int length) throws IOException {
    return fill() ? read(target, offset, length) : -1;
  }

  /** Reads up to {@code length} body bytes; returns -1 at the end of the stream. */
  int read(byte[] target, int offset, int length) throws IOException {
    if (position < limit) {
      int n = Math.min(length, limit - position);
      System.arraycopy(buffer, position, target, offset, n);
      position += n;
      return n;
    }
    if (length >= buffer.length) {
      return readDirect(target, offset, length);
    }
    if (!fill()) {
      return -1;
    }
    return read(target, offset, length);
  }

  /** Reads a line of at most {@link #MAX_LINE} bytes, without its CRLF or LF terminator. */
  String readLine() throws IOException {
    StringBuilder partial = null;
    while (true) {
      int already = partial == null ? 0 : partial.length();
      for (int i = position; i < limit; i++) {
        if (buffer[i] == '\n') {
          checkLineLength(already + i - position);
          int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
          String piece = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
          position = i + 1;
          if (partial == null) {
            return piece;
          }
          partial.append(piece);
          int length = partial.length();
          if (length > 0 && partial.charAt(length - 1) == '\r') {
            partial.setLength(length - 1);
          }
          return partial.toString();
        }
      }
      checkLineLength(already + limit - position);
      if (partial == null) {
        partial = new StringBuilder();
      }
      partial.append(new String(buffer, position, limit - position, StandardCharsets.ISO_8859_1));
      position = limit;
      if (!fill()) {
        throw new EOFException(partial.isEmpty() ? "connection closed by the server"
            : "connection closed in the middle of a line");
      }
    }
  }

  private static void checkLineLength(int length) throws ProtocolException {
    if (length > MAX_LINE) {
      throw new ProtocolException("response line longer than " + MAX_LINE + " bytes");
    }
  }
}
