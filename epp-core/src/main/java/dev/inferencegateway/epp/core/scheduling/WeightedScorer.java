package dev.inferencegateway.epp.core.scheduling;

import java.util.Objects;

/**
 * A scorer placed in a profile with its weight.
 *
 * @param scorer the scorer
 * @param weight the multiplier of its clamped score; 1.0 when the config gives none
 */
public record WeightedScorer(Scorer scorer, double weight) {
  public WeightedScorer {
    Objects.requireNonNull(scorer, "scorer");
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight of scorer '" + scorer.typedName().name() + "' must be finite");
    }
  }
}
