package dev.inferencegateway.epp.plugins.scorer.prefix;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.DataKey;
import dev.inferencegateway.epp.core.plugin.NoParameters;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.ScorerCategory;
import dev.inferencegateway.epp.plugins.producer.prefix.PrefixCacheMatchInfo;
import dev.inferencegateway.epp.plugins.scorer.ScorerBase;
import java.util.List;
import java.util.Set;

/** The {@code prefix-cache-scorer}: the fraction of the prompt's blocks a candidate holds. */
public final class PrefixCacheScorer extends ScorerBase {
  /** The registered type name. */
  public static final String TYPE = "prefix-cache-scorer";

  /** The descriptor registering this type; its parameters belong to the prefix producer. */
  public static final PluginDescriptor<NoParameters> DESCRIPTOR = PluginDescriptor.withoutParameters(
      TYPE, (name, params, handle) -> new PrefixCacheScorer(name))
      .forwardsParametersTo(PrefixCacheMatchInfo.KEY)
      .build();

  /** Creates the scorer with the given instance name. */
  public PrefixCacheScorer(String name) {
    super(TYPE, name, ScorerCategory.AFFINITY);
  }

  @Override
  public Set<DataKey<?>> consumes() {
    return Set.of(PrefixCacheMatchInfo.KEY);
  }

  @Override
  public double[] score(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
    double[] scores = new double[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      PrefixCacheMatchInfo info = candidates.get(i).attributes().get(PrefixCacheMatchInfo.KEY).orElse(null);
      scores[i] = info == null ? 0.0 : info.matchRatio();
    }
    return scores;
  }
}
