package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/** A response body in chunked transfer coding (RFC 9112 §7.1), trailers read and ignored. */
final class ChunkedBodyStream extends InputStream {
  private final HttpConnection connection;
  private final boolean keepAlive;
  private long chunkRemaining;
  private boolean firstChunk = true;
  private boolean done;

  ChunkedBodyStream(HttpConnection connection, boolean keepAlive) {
    this.connection = connection;
    this.keepAlive = keepAlive;
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
    if (chunkRemaining == 0 && !nextChunk()) {
      return -1;
    }
    int n = connection.read(target, offset, (int) Math.min(length, chunkRemaining));
    if (n < 0) {
      throw new EOFException("connection closed in the middle of a chunk");
    }
    chunkRemaining -= n;
    return n;
  }

  private boolean nextChunk() throws IOException {
    if (!firstChunk && !connection.readLine().isEmpty()) {
      throw new ProtocolException("chunk data not followed by CRLF");
    }
    firstChunk = false;
    chunkRemaining = parseSize(connection.readLine());
    if (chunkRemaining > 0) {
      return true;
    }
    while (!connection.readLine().isEmpty()) {
      continue;
    }
    done = true;
    connection.exchangeComplete(keepAlive);
    return false;
  }

  private static long parseSize(String line) throws ProtocolException {
    int end = line.indexOf(';');
    String hex = (end < 0 ? line : line.substring(0, end)).trim();
    if (hex.isEmpty() || hex.length() > 15) {
      throw new ProtocolException("malformed chunk size: \"" + line + "\"");
    }
    long size = 0;
    for (int i = 0; i < hex.length(); i++) {
      int digit = Character.digit(hex.charAt(i), 16);
      if (digit < 0) {
        throw new ProtocolException("malformed chunk size: \"" + line + "\"");
      }
      size = size * 16 + digit;
    }
    return size;
  }
}
