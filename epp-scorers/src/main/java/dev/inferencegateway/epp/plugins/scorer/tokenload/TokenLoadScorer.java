package dev.inferencegateway.epp.plugins.scorer.tokenload;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.DataKey;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.ScorerCategory;
import dev.inferencegateway.epp.plugins.ParameterChecks;
import dev.inferencegateway.epp.plugins.producer.inflightload.InFlightLoad;
import dev.inferencegateway.epp.plugins.scorer.ScorerBase;
import java.util.List;
import java.util.Set;

/** The {@code token-load-scorer}: {@code 1 − min(1, inFlightTokens / queueThresholdTokens)}. */
public final class TokenLoadScorer extends ScorerBase {
  /** The registered type name. */
  public static final String TYPE = "token-load-scorer";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<Parameters> DESCRIPTOR = PluginDescriptor.builder(
      TYPE, Parameters.class, (name, params, handle) -> new TokenLoadScorer(name, params)).build();

  /**
   * The parameters of {@code token-load-scorer}.
   *
   * @param queueThresholdTokens in-flight tokens at which an endpoint scores 0 (default 4194304)
   */
  public record Parameters(Long queueThresholdTokens) {
    /** Upstream's default threshold. */
    public static final long DEFAULT_QUEUE_THRESHOLD_TOKENS = 4_194_304L;

    public Parameters {
      queueThresholdTokens = ParameterChecks.positive("queueThresholdTokens", queueThresholdTokens,
          DEFAULT_QUEUE_THRESHOLD_TOKENS);
    }
  }

  private final double threshold;

  /** Creates the scorer. */
  public TokenLoadScorer(String name, Parameters parameters) {
    super(TYPE, name, ScorerCategory.DISTRIBUTION);
    this.threshold = parameters.queueThresholdTokens();
  }

  @Override
  public Set<DataKey<?>> consumes() {
    return Set.of(InFlightLoad.KEY);
  }

  @Override
  public double[] score(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
    double[] scores = new double[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      long tokens = candidates.get(i).attributes().get(InFlightLoad.KEY).orElse(InFlightLoad.NONE).tokens();
      scores[i] = 1.0 - Math.min(1.0, Math.max(0, tokens) / threshold);
    }
    return scores;
  }
}
