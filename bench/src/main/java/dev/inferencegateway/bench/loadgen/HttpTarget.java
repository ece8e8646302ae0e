package dev.inferencegateway.bench.loadgen;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI endpoint over HTTP/1.1 (the local gateway, a simulator, a model server): POSTs each
 * body and reads the response as it arrives, timing the first body bytes of streamed responses.
 */
public final class HttpTarget implements Target {
  private final URI uri;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client;

  /** POSTs to {@code uri} with {@code headers}; each request may take {@code timeout}. */
  public HttpTarget(URI uri, Map<String, String> headers, Duration timeout) {
    this.uri = uri;
    this.headers = Map.copyOf(headers);
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public Sample call(RequestSpec request) throws InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
    headers.forEach(builder::header);
    long start = System.nanoTime();
    try {
      HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
      boolean streamed = response.headers().firstValue("content-type").orElse("").contains("text/event-stream");
      long ttft = -1;
      UsageScanner usage = new UsageScanner();
      byte[] buffer = new byte[16 * 1024];
      try (InputStream body = response.body()) {
        int n;
        while ((n = body.read(buffer)) >= 0) {
          if (n > 0 && ttft < 0 && streamed) {
            ttft = System.nanoTime() - start;
          }
          usage.accept(buffer, 0, n);
        }
      }
      int status = response.statusCode();
      return new Sample(Integer.toString(status), status / 100 == 2, ttft, -1, usage.completionTokens());
    } catch (HttpTimeoutException e) {
      return Sample.failed("timeout");
    } catch (IOException e) {
      return Sample.failed("io");
    }
  }

  @Override
  public String describe() {
    return uri + " (HTTP/1.1)";
  }

  @Override
  public void close() {
    client.shutdownNow();
    executor.shutdownNow();
  }
}
