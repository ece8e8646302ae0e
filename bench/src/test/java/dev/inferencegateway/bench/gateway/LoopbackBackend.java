package dev.inferencegateway.bench.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/** A model-server stand-in on 127.0.0.1 that records the requests it gets. */
public final class LoopbackBackend implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  /**
   * A request the backend got.
   *
   * @param method the method
   * @param path the path with query
   * @param headers lower-case names
   * @param body the body text
   */
  public record Received(String method, String path, Map<String, String> headers, String body) {}

  private LoopbackBackend(HttpHandler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    server.createContext("/", exchange -> {
      try (exchange) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toMap(
            e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(",", e.getValue()), (a, b) -> a));
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
        handler.handle(exchange);
      }
    });
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a backend that answers every request with a JSON body naming itself. */
  public static LoopbackBackend json() throws IOException {
    LoopbackBackend[] self = new LoopbackBackend[1];
    self[0] = new LoopbackBackend(exchange -> send(exchange, 200, "application/json",
        "{\"served_by\":\"" + self[0].address() + "\",\"model\":\"m\"}"));
    return self[0];
  }

  /** Starts a backend running {@code handler} (the request body has already been read). */
  public static LoopbackBackend with(HttpHandler handler) throws IOException {
    return new LoopbackBackend(handler);
  }

  /** Writes a complete response. */
  public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", contentType);
    exchange.getResponseHeaders().set("x-served-by", exchange.getLocalAddress().getHostString() + ":"
        + exchange.getLocalAddress().getPort());
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Returns {@code 127.0.0.1:port}. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Received> received() {
    return received;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
