package dev.inferencegateway.bench.gateway;

import com.sun.net.httpserver.HttpExchange;
import dev.inferencegateway.extproc.client.RequestResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes complete replies (the gateway's own errors, processors' immediate responses) to the client. */
final class ClientReplies {
  private ClientReplies() {}

  static void error(HttpExchange http, GatewayErrors.Reply reply) throws IOException {
    http.getResponseHeaders().set("content-type", "application/json");
    send(http, reply.status(), reply.body());
  }

  /** Passes a processor's {@code ImmediateResponse} on: its status, headers and body. */
  static void immediate(HttpExchange http, RequestResult.Immediate immediate) throws IOException {
    immediate.headers().forEach((name, value) -> {
      if (HeaderRules.toClient(name)) {
        http.getResponseHeaders().set(name, value);
      }
    });
    byte[] body = immediate.body().getBytes(StandardCharsets.UTF_8);
    if (body.length > 0 && !http.getResponseHeaders().containsKey("content-type")) {
      http.getResponseHeaders().set("content-type", "text/plain");
    }
    send(http, immediate.status() <= 0 ? 500 : immediate.status(), body);
  }

  /** Sends status and headers; returns the body stream (empty body when {@code noBody}). */
  static OutputStream start(HttpExchange http, int status, Map<String, String> headers, boolean noBody)
      throws IOException {
    headers.forEach((name, value) -> {
      if (HeaderRules.toClient(name)) {
        http.getResponseHeaders().set(name, value);
      }
    });
    http.sendResponseHeaders(status, noBody ? -1 : 0);
    return http.getResponseBody();
  }

  private static void send(HttpExchange http, int status, byte[] body) throws IOException {
    boolean noBody = body.length == 0 || http.getRequestMethod().equals("HEAD");
    http.sendResponseHeaders(status, noBody ? -1 : body.length);
    try (OutputStream out = http.getResponseBody()) {
      if (!noBody) {
        out.write(body);
      }
    }
  }
}
