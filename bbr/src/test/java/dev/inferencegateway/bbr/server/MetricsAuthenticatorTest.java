package dev.inferencegateway.bbr.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code --metrics-endpoint-auth}: TokenReview then SubjectAccessReview, answered by the mock API server. */
@EnableKubernetesMockClient
class MetricsAuthenticatorTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final AtomicInteger reviews = new AtomicInteger();
  private final HttpClient http = HttpClient.newHttpClient();
  private HTTPServer metrics;

  @BeforeAll
  static void answerReviews() {
    server.expect().post().withPath("/apis/authentication.k8s.io/v1/tokenreviews").andReply(201, request -> {
      reviews.incrementAndGet();
      TokenReview review = Serialization.unmarshal(request.getBody().readUtf8(), TokenReview.class);
      String token = review.getSpec().getToken();
      return new TokenReviewBuilder(review).withNewStatus().withAuthenticated(!token.equals("forged"))
          .withNewUser().withUsername("system:serviceaccount:monitoring:" + token).withGroups("system:serviceaccounts")
          .endUser().endStatus().build();
    }).always();
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/subjectaccessreviews").andReply(201, request -> {
      SubjectAccessReview review = Serialization.unmarshal(request.getBody().readUtf8(), SubjectAccessReview.class);
      boolean allowed = review.getSpec().getUser().endsWith(":prometheus")
          && review.getSpec().getNonResourceAttributes().getPath().equals("/metrics")
          && review.getSpec().getNonResourceAttributes().getVerb().equals("get");
      return new SubjectAccessReviewBuilder(review).withNewStatus().withAllowed(allowed).endStatus().build();
    }).always();
  }

  @BeforeEach
  void start() throws Exception {
    reviews.set(0);
    PrometheusRegistry registry = new PrometheusRegistry();
    Counter.builder().name("bbr_success_total").register(registry).inc();
    metrics = HTTPServer.builder().hostname("127.0.0.1").port(0).registry(registry)
        .authenticator(new MetricsAuthenticator(client, Clock.systemUTC(), Duration.ofMinutes(1))).buildAndStart();
  }

  @AfterEach
  void stop() {
    metrics.close();
  }

  private HttpResponse<String> scrape(String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics.getPort() + "/metrics"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void allowedToken_getsTheMetrics_andTheDecisionIsCached() throws Exception {
    HttpResponse<String> first = scrape("prometheus");
    HttpResponse<String> second = scrape("prometheus");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("bbr_success_total 1.0");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(reviews).hasValue(1);
  }

  @Test
  void missingForgedOrUnauthorisedTokens_areRefused() throws Exception {
    assertThat(scrape(null).statusCode()).isEqualTo(401);
    assertThat(scrape("forged").statusCode()).isEqualTo(401);
    assertThat(scrape("intruder").statusCode()).isEqualTo(403);
  }
}
