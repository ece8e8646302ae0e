package dev.inferencegateway.epp.plugins.scorer.runningrequests;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.NoParameters;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.ScorerCategory;
import dev.inferencegateway.epp.plugins.scorer.MinMaxScores;
import dev.inferencegateway.epp.plugins.scorer.ScorerBase;
import java.util.List;

/** The {@code running-requests-size-scorer}: min–max normalised running-batch size, smaller is better. */
public final class RunningRequestsSizeScorer extends ScorerBase {
  /** The registered type name. */
  public static final String TYPE = "running-requests-size-scorer";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<NoParameters> DESCRIPTOR =
      PluginDescriptor.withoutParameters(TYPE, (name, params, handle) -> new RunningRequestsSizeScorer(name)).build();

  /** Creates the scorer with the given instance name. */
  public RunningRequestsSizeScorer(String name) {
    super(TYPE, name, ScorerCategory.DISTRIBUTION);
  }

  @Override
  public double[] score(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
    return MinMaxScores.lowerIsBetter(candidates, e -> e.metrics().runningRequests());
  }
}
