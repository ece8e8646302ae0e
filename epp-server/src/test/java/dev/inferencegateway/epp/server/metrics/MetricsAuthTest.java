package dev.inferencegateway.epp.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /metrics behind TokenReview and SubjectAccessReview, against the fabric8 mock API server. */
@EnableKubernetesMockClient
class MetricsAuthTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static KubernetesClient client;
  static KubernetesMockServer server;

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int status(MetricsServer metrics, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics.port() + "/metrics"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
  }

  @Test
  void tokensAreReviewed_andUsersNeedGetOnTheMetricsUrl() throws Exception {
    Map<String, String> users = Map.of("alice-token", "alice", "bob-token", "bob");
    server.expect().post().withPath("/apis/authentication.k8s.io/v1/tokenreviews").andReply(201, request -> {
      JsonNode review = read(request.getBody().readUtf8());
      String user = users.get(review.path("spec").path("token").asText());
      return Map.of("apiVersion", "authentication.k8s.io/v1", "kind", "TokenReview",
          "status", user == null ? Map.of("authenticated", false)
              : Map.of("authenticated", true, "user", Map.of("username", user, "groups", java.util.List.of("g"))));
    }).always();
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/subjectaccessreviews").andReply(201, request -> {
      JsonNode review = read(request.getBody().readUtf8());
      boolean allowed = review.path("spec").path("user").asText().equals("alice")
          && review.path("spec").path("nonResourceAttributes").path("path").asText().equals("/metrics")
          && review.path("spec").path("nonResourceAttributes").path("verb").asText().equals("get");
      return Map.of("apiVersion", "authorization.k8s.io/v1", "kind", "SubjectAccessReview",
          "status", Map.of("allowed", allowed));
    }).always();
    PrometheusRegistry registry = new PrometheusRegistry();
    Counter.builder().name("probe_total").help("probe").register(registry).inc();

    try (MetricsServer metrics = MetricsServer.start(0, registry,
        Optional.of(new TokenReviewAuthenticator(client, Clock.systemUTC())))) {
      assertThat(status(metrics, null)).isEqualTo(401);
      assertThat(status(metrics, "nobody")).isEqualTo(401);
      assertThat(status(metrics, "bob-token")).isEqualTo(403);
      assertThat(status(metrics, "alice-token")).isEqualTo(200);
      int reviews = server.getRequestCount();
      assertThat(status(metrics, "alice-token")).isEqualTo(200);
      assertThat(server.getRequestCount()).as("decisions are cached").isEqualTo(reviews);
    }
  }
}
