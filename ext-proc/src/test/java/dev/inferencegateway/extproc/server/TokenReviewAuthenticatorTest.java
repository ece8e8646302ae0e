package dev.inferencegateway.extproc.server;

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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --metrics-endpoint-auth} on a real Prometheus HTTP server: TokenReview then
 * SubjectAccessReview, answered by the fabric8 mock API server.
 */
@EnableKubernetesMockClient
class TokenReviewAuthenticatorTest {
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
      if (token.equals("outage")) {
        return "{not a TokenReview";
      }
      return new TokenReviewBuilder(review).withNewStatus().withAuthenticated(!token.equals("forged"))
          .withNewUser().withUsername("system:serviceaccount:monitoring:" + token).withGroups("system:serviceaccounts")
          .endUser().endStatus().build();
    }).always();
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/subjectaccessreviews").andReply(201, request -> {
      SubjectAccessReview review = Serialization.unmarshal(request.getBody().readUtf8(), SubjectAccessReview.class);
      boolean allowed = review.getSpec().getUser().endsWith(":prometheus")
          && review.getSpec().getGroups().contains("system:serviceaccounts")
          && review.getSpec().getNonResourceAttributes().getPath().equals("/metrics")
          && review.getSpec().getNonResourceAttributes().getVerb().equals("get");
      return new SubjectAccessReviewBuilder(review).withNewStatus().withAllowed(allowed).endStatus().build();
    }).always();
  }

  @BeforeEach
  void start() throws Exception {
    reviews.set(0);
    PrometheusRegistry registry = new PrometheusRegistry();
    Counter.builder().name("probe_total").help("probe").register(registry).inc();
    metrics = HTTPServer.builder().hostname("127.0.0.1").port(0).registry(registry)
        .authenticator(new TokenReviewAuthenticator(client, Clock.systemUTC())).buildAndStart();
  }

  @AfterEach
  void stop() {
    metrics.close();
  }

  private HttpResponse<String> scrape(String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics.getPort() + "/metrics"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void allowedToken_getsTheMetrics_andTheDecisionIsCached() throws Exception {
    HttpResponse<String> first = scrape("Bearer prometheus");
    int apiRequests = server.getRequestCount();
    HttpResponse<String> second = scrape("bearer prometheus");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("probe_total 1.0");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(reviews).hasValue(1);
    assertThat(server.getRequestCount()).as("decisions are cached").isEqualTo(apiRequests);
  }

  @Test
  void missingForgedOrUnauthorisedTokens_areRefused() throws Exception {
    assertThat(scrape(null).statusCode()).isEqualTo(401);
    assertThat(scrape("Bearer ").statusCode()).isEqualTo(401);
    assertThat(scrape("Basic cHJvbWV0aGV1czp4").statusCode()).isEqualTo(401);
    assertThat(scrape("Bearer forged").statusCode()).isEqualTo(401);
    assertThat(scrape("Bearer intruder").statusCode()).isEqualTo(403);
    assertThat(scrape("Bearer intruder").statusCode()).isEqualTo(403);
    assertThat(reviews).as("denials are cached too").hasValue(2);
  }

  @Test
  void apiServerFailure_answers503_andIsNotCached() throws Exception {
    assertThat(scrape("Bearer outage").statusCode()).isEqualTo(503);
    assertThat(scrape("Bearer outage").statusCode()).isEqualTo(503);
    assertThat(reviews).hasValue(2);
  }
}
