package dev.inferencegateway.bench.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** An HTTP/1.1 client for the gateway and the simulated servers, with bounded timeouts. */
final class E2eHttp implements AutoCloseable {
  static final String POD_HEADER = "x-inference-pod";
  static final String OBJECTIVE_HEADER = "x-gateway-inference-objective";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** Sends {@code POST base+path} with a JSON body and extra headers. */
  CompletableFuture<HttpResponse<String>> postAsync(URI base, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends {@code POST base+path} and waits for the whole response. */
  HttpResponse<String> post(URI base, String path, String body) throws Exception {
    return postAsync(base, path, body, Map.of()).get();
  }

  /** The pod that served {@code response} (the simulator's response header), or "" for none. */
  static String pod(HttpResponse<?> response) {
    return response.headers().firstValue(POD_HEADER).orElse("");
  }

  /** A short completions body for {@code model}. */
  static String completion(String model, String prompt, int maxTokens) {
    return "{\"model\":\"" + model + "\",\"prompt\":\"" + prompt + "\",\"max_tokens\":" + maxTokens
        + ",\"temperature\":0}";
  }

  @Override
  public void close() {
    client.shutdownNow();
  }
}
