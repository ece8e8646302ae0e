package dev.inferencegateway.bench.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Reads request bodies and writes whole responses on a JDK {@link HttpExchange}. */
final class Exchanges {
  /** The largest request body accepted. */
  static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

  private Exchanges() {}

  static byte[] readBody(HttpExchange exchange) throws IOException, ApiException {
    try (InputStream in = exchange.getRequestBody()) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (body.size() + n > MAX_BODY_BYTES) {
          throw new ApiException(413, "RequestEntityTooLarge",
              "request body larger than " + MAX_BODY_BYTES + " bytes", null);
        }
        body.write(buffer, 0, n);
      }
      return body.toByteArray();
    }
  }

  static void sendJson(HttpExchange exchange, ObjectMapper json, int status, JsonNode body) throws IOException {
    send(exchange, status, "application/json", json.writeValueAsBytes(body));
  }

  static void sendText(HttpExchange exchange, int status, String contentType, String text) throws IOException {
    send(exchange, status, contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
