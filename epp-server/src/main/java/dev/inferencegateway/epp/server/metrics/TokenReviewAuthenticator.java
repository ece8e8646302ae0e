package dev.inferencegateway.epp.server.metrics;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Protects {@code /metrics} as upstream's controller-runtime filter does: the bearer token is
 * authenticated with a Kubernetes TokenReview, then the user is authorized with a
 * SubjectAccessReview for verb {@code get} on the non-resource URL {@code /metrics}. Missing or
 * invalid tokens get 401, users without the permission 403. Decisions are cached (authenticated
 * and allowed for 5 minutes, denied for 30 seconds).
 */
public final class TokenReviewAuthenticator extends Authenticator {
  private static final Logger LOG = LoggerFactory.getLogger(TokenReviewAuthenticator.class);
  private static final Duration ALLOW_TTL = Duration.ofMinutes(5);
  private static final Duration DENY_TTL = Duration.ofSeconds(30);
  private static final int MAX_CACHED = 4096;

  private final KubernetesClient client;
  private final Clock clock;
  private final Map<String, Decision> cache = new ConcurrentHashMap<>();

  /** Creates the authenticator over {@code client}. */
  public TokenReviewAuthenticator(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  @Override
  public Result authenticate(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
      return new Failure(401);
    }
    String token = header.substring(7).trim();
    Instant now = clock.instant();
    Decision cached = cache.get(token);
    if (cached != null && cached.expires().isAfter(now)) {
      return cached.result();
    }
    Decision decision = decide(token, now);
    if (decision.result() instanceof Retry) {
      return decision.result();
    }
    if (cache.size() >= MAX_CACHED) {
      cache.values().removeIf(d -> !d.expires().isAfter(now));
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
    }
    cache.put(token, decision);
    return decision.result();
  }

  private Decision decide(String token, Instant now) {
    try {
      TokenReview review = client.resource(new TokenReviewBuilder().withNewSpec().withToken(token).endSpec().build())
          .create();
      if (review.getStatus() == null || !Boolean.TRUE.equals(review.getStatus().getAuthenticated())) {
        return new Decision(new Failure(401), now.plus(DENY_TTL));
      }
      UserInfo user = review.getStatus().getUser();
      SubjectAccessReview access = client.resource(new SubjectAccessReviewBuilder().withNewSpec()
          .withUser(user.getUsername()).withGroups(user.getGroups()).withUid(user.getUid()).withExtra(user.getExtra())
          .withNewNonResourceAttributes().withPath("/metrics").withVerb("get").endNonResourceAttributes()
          .endSpec().build()).create();
      if (access.getStatus() == null || !Boolean.TRUE.equals(access.getStatus().getAllowed())) {
        return new Decision(new Failure(403), now.plus(DENY_TTL));
      }
      return new Decision(new Success(new HttpPrincipal(user.getUsername(), "kubernetes")), now.plus(ALLOW_TTL));
    } catch (KubernetesClientException e) {
      LOG.warn("Cannot check a /metrics bearer token with the Kubernetes API: {}", e.getMessage());
      return new Decision(new Retry(503), now);
    }
  }

  private record Decision(Result result, Instant expires) {}
}
