package dev.inferencegateway.bench.sim.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A loopback HTTP client for tests of the simulated servers, with bounded timeouts. */
public final class SimHttp {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** POSTs {@code json} to {@code base + path}. */
  public HttpResponse<String> post(URI base, String path, String json) throws IOException, InterruptedException {
    return client.send(postRequest(base, path, json, TIMEOUT), HttpResponse.BodyHandlers.ofString());
  }

  /** POSTs asynchronously. */
  public CompletableFuture<HttpResponse<String>> postAsync(URI base, String path, String json) {
    return client.sendAsync(postRequest(base, path, json, TIMEOUT), HttpResponse.BodyHandlers.ofString());
  }

  /** GETs {@code base + path} with a timeout. */
  public HttpResponse<String> get(URI base, String path, Duration timeout) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** GETs {@code base + path}. */
  public HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
    return get(base, path, TIMEOUT);
  }

  /** The {@code data:} payloads of a server-sent-events body, in order. */
  public static List<String> sseData(String body) {
    return body.lines().filter(line -> line.startsWith("data: ")).map(line -> line.substring(6)).toList();
  }

  private static HttpRequest postRequest(URI base, String path, String json, Duration timeout) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }
}
