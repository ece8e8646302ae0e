package dev.inferencegateway.epp.plugins.scorer;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Min–max normalisation where lower is better, as upstream's queue and running-requests scorers
 * use it: {@code (max − v) / (max − min)}, and 1.0 for every candidate when all values are equal.
 */
public final class MinMaxScores {
  private MinMaxScores() {}

  /** Returns one score per candidate for the value {@code metric} extracts. */
  public static double[] lowerIsBetter(List<Endpoint> candidates, ToIntFunction<Endpoint> metric) {
    int n = candidates.size();
    double[] scores = new double[n];
    if (n == 0) {
      return scores;
    }
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      int v = metric.applyAsInt(candidates.get(i));
      scores[i] = v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (max == min) {
      Arrays.fill(scores, 1.0);
      return scores;
    }
    double range = (double) max - min;
    for (int i = 0; i < n; i++) {
      scores[i] = (max - (int) scores[i]) / range;
    }
    return scores;
  }
}
