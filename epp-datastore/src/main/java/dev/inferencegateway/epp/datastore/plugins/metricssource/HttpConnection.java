package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One keep-alive HTTP/1.1 connection to one origin, used by one thread at a time for GET
 * exchanges: send a request, read the head, read the body to its end, then reuse.
 *
 * <p>Every socket read is bounded by the deadline of the current exchange. {@link #close()} may
 * be called from any thread and makes a blocked read fail at once.
 */
final class HttpConnection extends BufferedInput implements ScrapeConnection {
  private static final int BUFFER_BYTES = 16 * 1024;

  private final Origin origin;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final Consumer<HttpConnection> onClose;
  private long deadline;
  private int exchanges;
  private boolean reusable;
  private final AtomicBoolean closed = new AtomicBoolean();

  private HttpConnection(Origin origin, Socket socket, Consumer<HttpConnection> onClose) throws IOException {
    super(new byte[BUFFER_BYTES]);
    this.origin = origin;
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.onClose = onClose;
  }

  /**
   * Connects to {@code origin} before {@code deadline} ({@link System#nanoTime()} based).
   *
   * @param tls the factory layering TLS over the socket, used when the origin is https
   * @param verifyHostname whether the server certificate must name the host
   * @param onClose given the connection once when it closes
   */
  static HttpConnection open(Origin origin, SSLSocketFactory tls, boolean verifyHostname, long deadline,
      Consumer<HttpConnection> onClose) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(origin.host(), origin.port()), remainingMillis(deadline));
      if (origin.https()) {
        SSLSocket secure = (SSLSocket) tls.createSocket(socket, origin.host(), origin.port(), true);
        if (verifyHostname) {
          SSLParameters parameters = secure.getSSLParameters();
          parameters.setEndpointIdentificationAlgorithm("HTTPS");
          secure.setSSLParameters(parameters);
        }
        socket = secure;
        socket.setSoTimeout(remainingMillis(deadline));
        secure.startHandshake();
      }
      return new HttpConnection(origin, socket, onClose);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** Returns the origin this connection talks to. */
  Origin origin() {
    return origin;
  }

  /** Returns how many exchanges completed on this connection. */
  int exchanges() {
    return exchanges;
  }

  /** Returns whether the last exchange left the connection ready for another request. */
  boolean reusable() {
    return reusable && !closed.get();
  }

  @Override
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Sends {@code request} (a complete request head) and reads the final response head, skipping
   * informational (1xx) responses.
   *
   * @throws EOFException when the server closed the connection before answering
   */
  ResponseHead exchange(byte[] request, long deadline) throws IOException {
    this.deadline = deadline;
    this.reusable = false;
    out.write(request);
    out.flush();
    return ResponseHead.readFinal(this);
  }

  /**
   * Returns the body of {@code head} as a stream that ends with the body; reading it to its end
   * completes the exchange and, when the server allows it, makes the connection reusable. A gzip
   * body is decompressed.
   */
  InputStream body(ResponseHead head) throws IOException {
    InputStream raw = BodyStream.framed(this, head);
    return head.gzip() && head.hasBody() ? new GzipBody(raw) : raw;
  }

  @Override
  void exchangeComplete(boolean keepAlive) {
    exchanges++;
    reusable = keepAlive;
  }

  /** Closes the socket; idempotent and safe from any thread. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      socket.close();
    } catch (IOException e) {
      // closing a socket twice or after a reset is not an error worth reporting
    } finally {
      onClose.accept(this);
    }
  }

  @Override
  boolean fill() throws IOException {
    int n = socketRead(buffer, 0, buffer.length);
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  @Override
  int readDirect(byte[] target, int offset, int length) throws IOException {
    return socketRead(target, offset, length);
  }

  private int socketRead(byte[] target, int offset, int length) throws IOException {
    socket.setSoTimeout(remainingMillis(deadline));
    return in.read(target, offset, length);
  }

  private static int remainingMillis(long deadline) throws SocketTimeoutException {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (left <= 0) {
      throw new SocketTimeoutException("timeout");
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }

  /** A gzip body that reads the underlying body to its end, so the connection can be reused. */
  private static final class GzipBody extends GZIPInputStream {
    private final InputStream raw;

    GzipBody(InputStream raw) throws IOException {
      super(raw, 8192);
      this.raw = raw;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n < 0) {
        raw.transferTo(OutputStream.nullOutputStream());
      }
      return n;
    }
  }
}
