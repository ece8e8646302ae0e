package dev.inferencegateway.extproc.server;

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
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards {@code /metrics} as upstream's {@code --metrics-endpoint-auth} (controller-runtime's
 * filter) does: the bearer token is authenticated with a Kubernetes TokenReview, then the user is
 * authorized with a SubjectAccessReview for verb {@code get} on the requested non-resource URL.
 *
 * <p>Missing or invalid tokens get 401, users without the permission 403, and an unreachable API
 * server 503 (not cached). Decisions are cached by the token's SHA-256: allowed for 5 minutes,
 * denied for 30 seconds.
 */
public final class TokenReviewAuthenticator extends Authenticator {
  private static final Logger LOG = LoggerFactory.getLogger(TokenReviewAuthenticator.class);
  private static final String BEARER = "Bearer ";
  private static final Duration ALLOW_TTL = Duration.ofMinutes(5);
  private static final Duration DENY_TTL = Duration.ofSeconds(30);
  private static final int MAX_CACHED = 4096;

  private final KubernetesClient client;
  private final Clock clock;
  private final Map<String, Decision> cache = new ConcurrentHashMap<>();

  /** Creates the authenticator; reviews go to the API server of {@code client}. */
  public TokenReviewAuthenticator(KubernetesClient client, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Result authenticate(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || header.substring(BEARER.length()).isBlank()) {
      return new Failure(401);
    }
    String token = header.substring(BEARER.length()).trim();
    String key = digest(token);
    Instant now = clock.instant();
    Decision cached = cache.get(key);
    if (cached != null && cached.expires().isAfter(now)) {
      return cached.result();
    }
    Decision decision = decide(token, exchange.getRequestURI().getPath(), now);
    if (decision.result() instanceof Retry) {
      return decision.result();
    }
    if (cache.size() >= MAX_CACHED) {
      cache.values().removeIf(d -> !d.expires().isAfter(now));
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
    }
    cache.put(key, decision);
    return decision.result();
  }

  private Decision decide(String token, String path, Instant now) {
    try {
      TokenReview review = client.resource(new TokenReviewBuilder().withNewSpec().withToken(token).endSpec().build())
          .create();
      if (review.getStatus() == null || !Boolean.TRUE.equals(review.getStatus().getAuthenticated())) {
        return new Decision(new Failure(401), now.plus(DENY_TTL));
      }
      UserInfo user = review.getStatus().getUser();
      SubjectAccessReview access = client.resource(new SubjectAccessReviewBuilder().withNewSpec()
          .withUser(user.getUsername()).withGroups(user.getGroups()).withUid(user.getUid()).withExtra(user.getExtra())
          .withNewNonResourceAttributes().withPath(path).withVerb("get").endNonResourceAttributes()
          .endSpec().build()).create();
      if (access.getStatus() == null || !Boolean.TRUE.equals(access.getStatus().getAllowed())) {
        return new Decision(new Failure(403), now.plus(DENY_TTL));
      }
      return new Decision(new Success(new HttpPrincipal(user.getUsername(), "kubernetes")), now.plus(ALLOW_TTL));
    } catch (RuntimeException e) {
      LOG.warn("Cannot check a {} bearer token with the Kubernetes API: {}", path, e.getMessage());
      LOG.debug("TokenReview/SubjectAccessReview failure", e);
      return new Decision(new Retry(503), now);
    }
  }

  private static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Decision(Result result, Instant expires) {}
}
