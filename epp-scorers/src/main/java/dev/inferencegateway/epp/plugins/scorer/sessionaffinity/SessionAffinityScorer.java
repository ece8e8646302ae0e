package dev.inferencegateway.epp.plugins.scorer.sessionaffinity;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.plugin.DataKey;
import dev.inferencegateway.epp.core.plugin.NoParameters;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.request.InferenceResponse;
import dev.inferencegateway.epp.core.requestcontrol.PreRequest;
import dev.inferencegateway.epp.core.requestcontrol.ResponseHeaderProcessor;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.ProfileRunResult;
import dev.inferencegateway.epp.core.scheduling.SchedulingResult;
import dev.inferencegateway.epp.core.scheduling.ScorerCategory;
import dev.inferencegateway.epp.plugins.scorer.ScorerBase;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The llm-d {@code session-affinity-scorer}: 1 for the endpoint named by {@code x-session-token}. */
public final class SessionAffinityScorer extends ScorerBase
    implements PreRequest, ResponseHeaderProcessor {
  /** The registered type name. */
  public static final String TYPE = "session-affinity-scorer";
  /** The request and response header carrying the session token. */
  public static final String SESSION_TOKEN_HEADER = "x-session-token";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<NoParameters> DESCRIPTOR = PluginDescriptor.withoutParameters(
      TYPE, (name, params, handle) -> new SessionAffinityScorer(name)).build();

  private static final DataKey<EndpointMetadata> SCHEDULED =
      DataKey.of(TYPE + "/scheduled", EndpointMetadata.class);

  /** Creates the scorer with the given instance name. */
  public SessionAffinityScorer(String name) {
    super(TYPE, name, ScorerCategory.AFFINITY);
  }

  /** Returns the session token of {@code endpoint}: base64 of {@code namespace/name}. */
  public static String tokenOf(EndpointMetadata endpoint) {
    return Base64.getEncoder().encodeToString(
        (endpoint.namespace() + "/" + endpoint.name()).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public double[] score(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
    double[] scores = new double[candidates.size()];
    Optional<String> session = request.header(SESSION_TOKEN_HEADER).flatMap(SessionAffinityScorer::decode);
    if (session.isEmpty()) {
      return scores;
    }
    String wanted = session.get();
    for (int i = 0; i < scores.length; i++) {
      if (names(candidates.get(i).metadata(), wanted)) {
        scores[i] = 1.0;
      }
    }
    return scores;
  }

  @Override
  public void preRequest(InferenceRequest request, SchedulingResult result) {
    ProfileRunResult primary = result.primary();
    if (!primary.targetEndpoints().isEmpty()) {
      request.state().put(SCHEDULED, primary.targetEndpoints().get(0).metadata());
    }
  }

  @Override
  public void responseHeader(InferenceRequest request, InferenceResponse response) {
    response.servedEndpoint().or(() -> request.state().get(SCHEDULED))
        .ifPresent(endpoint -> response.setHeader(SESSION_TOKEN_HEADER, tokenOf(endpoint)));
  }

  private static boolean names(EndpointMetadata m, String namespacedName) {
    int slash = m.namespace().length();
    return namespacedName.length() == slash + 1 + m.name().length()
        && namespacedName.charAt(slash) == '/'
        && namespacedName.startsWith(m.namespace())
        && namespacedName.endsWith(m.name());
  }

  private static Optional<String> decode(String token) {
    String trimmed = token.trim();
    try {
      return Optional.of(new String(Base64.getDecoder().decode(trimmed), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException notStandard) {
      try {
        return Optional.of(new String(Base64.getUrlDecoder().decode(trimmed), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException notUrlSafe) {
        return Optional.empty();
      }
    }
  }
}
