package dev.inferencegateway.epp.core.scheduling;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.requestcontrol.DataConsumer;
import java.util.List;

/**
 * A scheduling step that rates every candidate endpoint.
 *
 * <p>Contract: the result has one score per candidate, index-aligned with {@code candidates};
 * every score is in [0, 1] (the scheduler clamps values outside); when all candidates are equal
 * for this scorer each gets the same score (1.0 for the min-max scorers); inputs are not mutated;
 * the result depends only on the inputs and the injected random source.
 */
public interface Scorer extends Plugin, DataConsumer {
  /** Returns the category of this scorer. */
  ScorerCategory category();

  /** Returns one score per candidate, aligned with {@code candidates}. */
  double[] score(CycleState state, InferenceRequest request, List<Endpoint> candidates);
}
