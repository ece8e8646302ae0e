package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A loopback HTTP/1.1 server that writes whatever bytes the test scripts, so the client can be
 * tested against framings, failures and timing that ordinary servers never produce.
 */
final class RawHttpServer implements AutoCloseable {
  /** One received request. */
  record Request(int connection, int indexOnConnection, String requestLine, List<String> headers) {
    String path() {
      return requestLine.split(" ")[1];
    }
  }

  /** What the server does with one request. */
  interface Responder {
    /** Writes the answer to {@code out}; returns false to close the connection afterwards. */
    boolean respond(Request request, OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile Responder responder;

  private RawHttpServer(ServerSocket server, Responder responder) {
    this.server = server;
    this.responder = responder;
    Thread.ofPlatform().daemon().name("raw-http-accept").start(this::acceptLoop);
  }

  /** Starts a plaintext server. */
  static RawHttpServer start(Responder responder) throws IOException {
    return new RawHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), responder);
  }

  /** Starts a TLS server with the key material of {@code context}. */
  static RawHttpServer startTls(SSLContext context, Responder responder) throws IOException {
    return new RawHttpServer(context.getServerSocketFactory().createServerSocket(0, 50,
        InetAddress.getLoopbackAddress()), responder);
  }

  /** Replaces the responder. */
  void respondWith(Responder next) {
    this.responder = next;
  }

  /** Returns {@code 127.0.0.1:port}. */
  String hostPort() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** Returns the requests received so far. */
  List<Request> requests() {
    return requests;
  }

  /** Returns how many connections were accepted. */
  int connections() {
    return connections.get();
  }

  /** Returns {@code status} with {@code body}, framed by Content-Length, as bytes. */
  static byte[] fixed(int status, String contentType, byte[] body, String... extraHeaders) {
    StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
    head.append("Content-Type: ").append(contentType).append("\r\n");
    head.append("Content-Length: ").append(body.length).append("\r\n");
    for (String header : extraHeaders) {
      head.append(header).append("\r\n");
    }
    head.append("\r\n");
    return concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), body);
  }

  /** Returns the concatenation of {@code parts}. */
  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        int id = connections.incrementAndGet();
        Thread.ofPlatform().daemon().name("raw-http-" + id).start(() -> serve(socket, id));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket, int id) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      for (int index = 0; ; index++) {
        String requestLine = readLine(in);
        if (requestLine == null) {
          return;
        }
        List<String> headers = new CopyOnWriteArrayList<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
          headers.add(line);
        }
        Request request = new Request(id, index, requestLine, headers);
        requests.add(request);
        boolean keepOpen = responder.respond(request, out);
        out.flush();
        if (!keepOpen) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      return;
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    return null;
  }
}
