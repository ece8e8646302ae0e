package dev.inferencegateway.epp.plugins.scorer.loadaware;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.ScorerCategory;
import dev.inferencegateway.epp.plugins.ParameterChecks;
import dev.inferencegateway.epp.plugins.scorer.ScorerBase;
import java.util.List;

/** The llm-d {@code load-aware-scorer}: {@code 0.5 · (1 − min(q, threshold) / threshold)}. */
public final class LoadAwareScorer extends ScorerBase {
  /** The registered type name. */
  public static final String TYPE = "load-aware-scorer";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<Parameters> DESCRIPTOR = PluginDescriptor.builder(
      TYPE, Parameters.class, (name, params, handle) -> new LoadAwareScorer(name, params)).build();

  /** The score of an endpoint with an empty queue. */
  public static final double IDLE = 0.5;

  /**
   * The parameters of {@code load-aware-scorer}.
   *
   * @param threshold the waiting-queue length that scores 0 (default 128)
   */
  public record Parameters(Integer threshold) {
    /** llm-d's default threshold. */
    public static final int DEFAULT_THRESHOLD = 128;

    public Parameters {
      threshold = ParameterChecks.positive("threshold", threshold, DEFAULT_THRESHOLD);
    }
  }

  private final int threshold;

  /** Creates the scorer. */
  public LoadAwareScorer(String name, Parameters parameters) {
    super(TYPE, name, ScorerCategory.DISTRIBUTION);
    this.threshold = parameters.threshold();
  }

  @Override
  public double[] score(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
    double[] scores = new double[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      int queue = Math.max(0, candidates.get(i).metrics().waitingQueueSize());
      scores[i] = queue == 0 ? IDLE : IDLE * (1.0 - (double) Math.min(queue, threshold) / threshold);
    }
    return scores;
  }
}
