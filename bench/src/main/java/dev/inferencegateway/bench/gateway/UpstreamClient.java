package dev.inferencegateway.bench.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;

/**
 * Forwards a request to the first endpoint of the EPP's list that accepts the connection, walking
 * the list on connect failure as Envoy's retries do, over HTTP/1.1.
 */
final class UpstreamClient implements AutoCloseable {
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
      "upgrade", "keep-alive", "proxy-connection", "te", "transfer-encoding", "http2-settings");

  private final HttpClient http;

  UpstreamClient(Duration connectTimeout, ExecutorService executor) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
  }

  /**
   * Sends {@code method pathAndQuery} with {@code headers} (pseudo-headers and hop-by-hop headers
   * are not forwarded) and {@code body} to the first reachable endpoint.
   *
   * @param timeout the time allowed until the response headers arrive
   */
  UpstreamResponse send(List<String> endpoints, String method, String pathAndQuery, Map<String, String> headers,
      byte[] body, Duration timeout) throws UpstreamFailure, InterruptedException {
    List<String> refused = new ArrayList<>();
    for (String endpoint : endpoints) {
      HttpRequest request = build(endpoint, method, pathAndQuery, headers, body, timeout);
      try {
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response =
            http.send(request, HttpResponse.BodyHandlers.ofPublisher());
        return new UpstreamResponse(endpoint, response.statusCode(), headersOf(response),
            response.body(), knownEmpty(method, response));
      } catch (ConnectException | HttpConnectTimeoutException e) {
        refused.add(endpoint + " (" + e.getClass().getSimpleName() + ")");
      } catch (HttpTimeoutException e) {
        throw new UpstreamFailure(504, "upstream request timeout: " + endpoint + " sent no response headers within "
            + timeout.toMillis() + " ms", e);
      } catch (IOException e) {
        throw new UpstreamFailure(503, "upstream connect error or disconnect/reset before headers: " + endpoint
            + ": " + e, e);
      }
    }
    throw new UpstreamFailure(503, "upstream connect error or disconnect/reset before headers. reset reason:"
        + " connection failure; tried " + String.join(", ", refused), null);
  }

  private static HttpRequest build(String endpoint, String method, String pathAndQuery, Map<String, String> headers,
      byte[] body, Duration timeout) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + hostPort(endpoint) + pathAndQuery))
        .timeout(timeout)
        .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((name, value) -> {
      if (!name.startsWith(":") && !NOT_FORWARDED.contains(name)) {
        builder.header(name, value);
      }
    });
    return builder.build();
  }

  private static String hostPort(String endpoint) {
    int colon = endpoint.lastIndexOf(':');
    String host = endpoint.substring(0, colon);
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" + endpoint.substring(colon) : endpoint;
  }

  private static Map<String, String> headersOf(HttpResponse<?> response) {
    Map<String, String> out = new LinkedHashMap<>();
    response.headers().map().forEach((name, values) -> {
      String key = name.toLowerCase(Locale.ROOT);
      if (!key.startsWith(":")) {
        out.put(key, String.join(",", values));
      }
    });
    return out;
  }

  private static boolean knownEmpty(String method, HttpResponse<?> response) {
    int status = response.statusCode();
    return method.equals("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200)
        || response.headers().firstValueAsLong("content-length").orElse(-1) == 0;
  }

  @Override
  public void close() {
    http.shutdownNow();
  }
}
