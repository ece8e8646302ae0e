package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;

/** A response body in chunked transfer coding (RFC 9112 §7.1), trailers read and ignored. */
final class ChunkedBodyStream extends BodyStream {
  private long chunkRemaining;
  private boolean firstChunk = true;

  ChunkedBodyStream(BufferedInput connection, boolean keepAlive) {
    super(connection, keepAlive);
  }

  @Override
  int readFramed(BufferedInput from, byte[] target, int offset, int length) throws IOException {
    if (chunkRemaining == 0 && !nextChunk(from)) {
      return -1;
    }
    int n = from.read(target, offset, (int) Math.min(length, chunkRemaining));
    if (n < 0) {
      throw new EOFException("connection closed in the middle of a chunk");
    }
    chunkRemaining -= n;
    return n;
  }

  private boolean nextChunk(BufferedInput from) throws IOException {
    if (!firstChunk && !from.readLine().isEmpty()) {
      throw new ProtocolException("chunk data not followed by CRLF");
    }
    firstChunk = false;
    chunkRemaining = parseSize(from.readLine());
    if (chunkRemaining > 0) {
      return true;
    }
    while (!from.readLine().isEmpty()) {
      continue;
    }
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
