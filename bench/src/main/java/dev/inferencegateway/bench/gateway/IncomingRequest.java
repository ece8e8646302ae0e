package dev.inferencegateway.bench.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A client request as Envoy presents it to ext_proc: pseudo-headers ({@code :method},
 * {@code :path} with the query, {@code :authority}, {@code :scheme}), lower-case header names,
 * {@code x-request-id} generated when absent, and the complete body.
 */
final class IncomingRequest {
  private final String method;
  private final Map<String, String> headers;
  private final byte[] body;

  private IncomingRequest(String method, Map<String, String> headers, byte[] body) {
    this.method = method;
    this.headers = headers;
    this.body = body;
  }

  /** Thrown when the body exceeds the limit. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("the request body exceeds the gateway's limit of " + limit + " bytes");
    }
  }

  static IncomingRequest read(HttpExchange exchange, long maxBodyBytes) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    headers.put(":method", exchange.getRequestMethod());
    headers.put(":path", uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
    headers.put(":scheme", "http");
    String host = exchange.getRequestHeaders().getFirst("Host");
    headers.put(":authority", host == null ? exchange.getLocalAddress().getHostString() : host);
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      headers.put(header.getKey().toLowerCase(Locale.ROOT), String.join(",", header.getValue()));
    }
    headers.putIfAbsent("x-request-id", UUID.randomUUID().toString());
    headers.put("x-forwarded-proto", "http");
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
    }
    if (body.length > maxBodyBytes) {
      throw new TooLarge(maxBodyBytes);
    }
    return new IncomingRequest(exchange.getRequestMethod(), headers, body);
  }

  String method() {
    return method;
  }

  /** The mutable header map that processors change, pseudo-headers included. */
  Map<String, String> headers() {
    return headers;
  }

  byte[] body() {
    return body;
  }

  /** The path without the query, for route matching. */
  String routePath() {
    String path = headers.getOrDefault(":path", "/");
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}
