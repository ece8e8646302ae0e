package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of one response as they arrive on a non-blocking connection, and the framing of them
 * into a complete response by the same head and body rules as a blocking read.
 *
 * <p>Each attempt reads from the first byte; it runs again only when the bytes received could
 * complete what the last attempt saw (the declared length, the end of the last chunk, or the end
 * of the stream), so framing costs a few passes over the response whatever its segmentation. Not
 * thread-safe.
 */
final class ResponseAssembler extends BufferedInput {
  /** The largest response accepted. */
  static final int MAX_RESPONSE_BYTES = 16 << 20;
  private static final int INITIAL_BYTES = 16 * 1024;
  private static final Incomplete INCOMPLETE = new Incomplete();

  private ByteBuffer view;
  private int received;
  private boolean endOfStream;
  private boolean keepAlive;
  private long awaitedBytes;
  private boolean awaitsLastChunk;
  private boolean awaitsEndOfStream;
  private byte[] body = new byte[INITIAL_BYTES];

  ResponseAssembler() {
    super(new byte[INITIAL_BYTES]);
    view = ByteBuffer.wrap(buffer);
  }

  /** A complete response: its final head and its body, de-chunked but still encoded. */
  record Response(ResponseHead head, byte[] body, int length, boolean keepAlive) {}

  /** Forgets the previous response before a new request is sent. */
  void reset() {
    received = 0;
    endOfStream = false;
    awaitedBytes = 0;
    awaitsLastChunk = false;
    awaitsEndOfStream = false;
  }

  /** Returns the free space after the bytes received, growing the buffer when it is full. */
  ByteBuffer space() throws ProtocolException {
    if (received == buffer.length) {
      if (buffer.length >= MAX_RESPONSE_BYTES) {
        throw new ProtocolException("response larger than " + (MAX_RESPONSE_BYTES >> 20) + " MiB");
      }
      buffer = Arrays.copyOf(buffer, Math.min(MAX_RESPONSE_BYTES, buffer.length * 2));
      view = ByteBuffer.wrap(buffer);
    }
    return view.limit(buffer.length).position(received);
  }

  /** Records {@code n} bytes read into {@link #space()}. */
  void received(int n) {
    received += n;
  }

  /** Records that the server closed its side. */
  void endOfStream() {
    endOfStream = true;
  }

  /** Returns how many bytes arrived since {@link #reset()}. */
  int receivedBytes() {
    return received;
  }

  /**
   * Returns the response once it is complete, or null while more bytes are needed.
   *
   * @throws IOException when the bytes are not a valid response, or the stream ended before one
   */
  Response complete() throws IOException {
    if (!endOfStream && (awaitsEndOfStream || received < awaitedBytes || (awaitsLastChunk && !endsWithEmptyLine()))) {
      return null;
    }
    position = 0;
    limit = received;
    try {
      ResponseHead head = ResponseHead.readFinal(this);
      expect(head, position);
      BodyStream framed = BodyStream.framed(this, head);
      int length = 0;
      int n;
      while ((n = framed.read(body, length, body.length - length)) >= 0) {
        length += n;
        if (length == body.length) {
          body = Arrays.copyOf(body, body.length * 2);
        }
      }
      return new Response(head, body, length, keepAlive && position == received);
    } catch (Incomplete e) {
      return null;
    }
  }

  @Override
  void exchangeComplete(boolean keepAlive) {
    this.keepAlive = keepAlive;
  }

  @Override
  boolean fill() {
    if (endOfStream) {
      return false;
    }
    throw INCOMPLETE;
  }

  private void expect(ResponseHead head, int bodyStart) {
    if (!head.hasBody()) {
      awaitedBytes = bodyStart;
    } else if (head.chunked()) {
      awaitsLastChunk = true;
    } else if (head.contentLength() >= 0) {
      awaitedBytes = bodyStart + head.contentLength();
    } else {
      awaitsEndOfStream = true;
    }
  }

  private boolean endsWithEmptyLine() {
    return received >= 2 && buffer[received - 1] == '\n'
        && (buffer[received - 2] == '\n' || (received >= 3 && buffer[received - 2] == '\r' && buffer[received - 3] == '\n'));
  }

  /** Thrown inside an attempt when it needs bytes that have not arrived. */
  private static final class Incomplete extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Incomplete() {
      super(null, null, false, false);
    }
  }
}
