package dev.inferencegateway.epp.plugins.scorer.lora;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.plugin.NoParameters;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.ScorerCategory;
import dev.inferencegateway.epp.plugins.scorer.ScorerBase;
import java.util.List;

/** The {@code lora-affinity-scorer}: tiers 1.0 (running), 0.8 (free slot), 0.6 (waiting), 0. */
public final class LoraAffinityScorer extends ScorerBase {
  /** The registered type name. */
  public static final String TYPE = "lora-affinity-scorer";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<NoParameters> DESCRIPTOR = PluginDescriptor.withoutParameters(
      TYPE, (name, params, handle) -> new LoraAffinityScorer(name)).build();

  /** The score of an endpoint running the adapter. */
  public static final double RUNNING = 1.0;
  /** The score of an endpoint with a free adapter slot. */
  public static final double FREE_SLOT = 0.8;
  /** The score of an endpoint where the adapter is waiting to be loaded. */
  public static final double WAITING = 0.6;

  /** Creates the scorer with the given instance name. */
  public LoraAffinityScorer(String name) {
    super(TYPE, name, ScorerCategory.AFFINITY);
  }

  @Override
  public double[] score(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
    String adapter = request.targetModel();
    double[] scores = new double[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = tier(candidates.get(i).metrics(), adapter);
    }
    return scores;
  }

  private static double tier(ModelServerMetrics m, String adapter) {
    if (m.activeModels().contains(adapter)) {
      return RUNNING;
    }
    if (distinctAdapters(m) < m.maxActiveModels()) {
      return FREE_SLOT;
    }
    return m.waitingModels().contains(adapter) ? WAITING : 0.0;
  }

  private static int distinctAdapters(ModelServerMetrics m) {
    int count = m.activeModels().size();
    for (String waiting : m.waitingModels()) {
      if (!m.activeModels().contains(waiting)) {
        count++;
      }
    }
    return count;
  }
}
