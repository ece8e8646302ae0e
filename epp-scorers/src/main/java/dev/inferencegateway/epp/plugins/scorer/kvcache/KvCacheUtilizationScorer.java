package dev.inferencegateway.epp.plugins.scorer.kvcache;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.NoParameters;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.ScorerCategory;
import dev.inferencegateway.epp.plugins.scorer.ScorerBase;
import java.util.List;

/** The {@code kv-cache-utilization-scorer}: {@code 1 − kvCacheUsage}. */
public final class KvCacheUtilizationScorer extends ScorerBase {
  /** The registered type name. */
  public static final String TYPE = "kv-cache-utilization-scorer";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<NoParameters> DESCRIPTOR = PluginDescriptor.withoutParameters(
      TYPE, (name, params, handle) -> new KvCacheUtilizationScorer(name)).build();

  /** Creates the scorer with the given instance name. */
  public KvCacheUtilizationScorer(String name) {
    super(TYPE, name, ScorerCategory.DISTRIBUTION);
  }

  @Override
  public double[] score(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
    double[] scores = new double[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      double free = 1.0 - candidates.get(i).metrics().kvCacheUsage();
      scores[i] = free >= 1.0 ? 1.0 : free > 0 ? free : 0.0;
    }
    return scores;
  }
}
