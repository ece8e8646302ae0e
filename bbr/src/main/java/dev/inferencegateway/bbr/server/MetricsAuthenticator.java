package dev.inferencegateway.bbr.server;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards {@code /metrics} as upstream's {@code --metrics-endpoint-auth} does: the bearer token is
 * authenticated with a Kubernetes TokenReview and the user must be allowed to {@code get} the
 * non-resource URL {@code /metrics} (SubjectAccessReview). Decisions are cached per token for
 * {@code ttl}.
 */
final class MetricsAuthenticator extends Authenticator {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsAuthenticator.class);
  private static final String BEARER = "Bearer ";

  private final KubernetesClient client;
  private final Clock clock;
  private final Duration ttl;
  private final Map<String, Decision> cache = new ConcurrentHashMap<>();

  private record Decision(Result result, Instant expires) {}

  MetricsAuthenticator(KubernetesClient client, Clock clock, Duration ttl) {
    this.client = client;
    this.clock = clock;
    this.ttl = ttl;
  }

  @Override
  public Result authenticate(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith(BEARER) || header.length() == BEARER.length()) {
      return new Retry(401);
    }
    String token = header.substring(BEARER.length()).trim();
    String key = digest(token);
    Instant now = clock.instant();
    Decision cached = cache.get(key);
    if (cached != null && cached.expires().isAfter(now)) {
      return cached.result();
    }
    Result result = review(token, exchange.getRequestURI().getPath());
    if (!(result instanceof Failure failure && failure.getResponseCode() >= 500)) {
      if (cache.size() > 10_000) {
        cache.clear();
      }
      cache.put(key, new Decision(result, now.plus(ttl)));
    }
    return result;
  }

  private Result review(String token, String path) {
    try {
      TokenReview review = client.resources(TokenReview.class).resource(new TokenReviewBuilder()
          .withNewSpec().withToken(token).endSpec().build()).create();
      if (review.getStatus() == null || !Boolean.TRUE.equals(review.getStatus().getAuthenticated())) {
        return new Failure(401);
      }
      UserInfo user = review.getStatus().getUser();
      SubjectAccessReview access = client.resources(SubjectAccessReview.class).resource(
          new SubjectAccessReviewBuilder().withNewSpec()
              .withUser(user.getUsername()).withUid(user.getUid()).withGroups(user.getGroups())
              .withNewNonResourceAttributes().withPath(path).withVerb("get").endNonResourceAttributes()
              .endSpec().build()).create();
      if (access.getStatus() == null || !Boolean.TRUE.equals(access.getStatus().getAllowed())) {
        return new Failure(403);
      }
      return new Success(new HttpPrincipal(user.getUsername(), "kubernetes"));
    } catch (RuntimeException e) {
      LOG.warn("cannot review the metrics client's token with the Kubernetes API", e);
      return new Failure(503);
    }
  }

  private static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
