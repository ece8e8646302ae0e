package dev.inferencegateway.epp.datastore.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A model server's {@code /metrics} on a loopback port whose behaviour a test switches at will:
 * serve an exposition, answer a status code, send garbage, or hang until closed.
 */
public final class ModelServerStub implements AutoCloseable {
  private sealed interface Behaviour permits Serve, Status, Hang {}

  private record Serve(byte[] body, String contentType) implements Behaviour {}

  private record Status(int code) implements Behaviour {}

  private record Hang() implements Behaviour {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "model-server-stub");
    t.setDaemon(true);
    return t;
  });
  private final AtomicReference<Behaviour> behaviour = new AtomicReference<>(new Status(404));
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger requests = new AtomicInteger();

  /** Starts a stub on an ephemeral loopback port. */
  public ModelServerStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Returns {@code 127.0.0.1:port}. */
  public String hostPort() {
    return "127.0.0.1:" + port();
  }

  /** Returns the port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Returns how many requests arrived. */
  public int requests() {
    return requests.get();
  }

  /** Serves {@code body} as Prometheus text. */
  public ModelServerStub serve(byte[] body) {
    return serve(body, "text/plain; version=0.0.4; charset=utf-8");
  }

  /** Serves {@code body} with {@code contentType}. */
  public ModelServerStub serve(byte[] body, String contentType) {
    behaviour.set(new Serve(body, contentType));
    return this;
  }

  /** Serves {@code text} as Prometheus text. */
  public ModelServerStub serve(String text) {
    return serve(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Answers every request with {@code code} and a short body. */
  public ModelServerStub status(int code) {
    behaviour.set(new Status(code));
    return this;
  }

  /** Accepts requests and never answers them (until closed). */
  public ModelServerStub hang() {
    behaviour.set(new Hang());
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      switch (behaviour.get()) {
        case Serve s -> {
          exchange.getResponseHeaders().set("Content-Type", s.contentType());
          exchange.sendResponseHeaders(200, s.body().length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(s.body());
          }
        }
        case Status s -> {
          byte[] body = ("status " + s.code()).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(s.code(), body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
        case Hang h -> released.await(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
