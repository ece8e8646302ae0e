package dev.inferencegateway.epp.core.scheduling;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A named pipeline of filters, weighted scorers and exactly one picker.
 *
 * <p>Filters run in order and an empty result fails the profile. Every scorer rates every
 * remaining endpoint; each score is clamped to [0, 1], multiplied by the scorer's weight and
 * summed (no normalisation). The picker then chooses the targets.
 */
public final class SchedulerProfile {
  /** The failure reported when filters leave no endpoint. */
  public static final String NO_ENDPOINTS = "no endpoints available for the given request";

  private final String name;
  private final List<Filter> filters;
  private final List<WeightedScorer> scorers;
  private final Picker picker;
  private final MetricsRecorder metrics;
  private final LongSupplier nanoClock;

  /** Creates a profile; {@code picker} is required. */
  public SchedulerProfile(String name, List<Filter> filters, List<WeightedScorer> scorers,
      Picker picker, MetricsRecorder metrics, LongSupplier nanoClock) {
    this.name = Objects.requireNonNull(name, "name");
    this.filters = List.copyOf(filters);
    this.scorers = List.copyOf(scorers);
    this.picker = Objects.requireNonNull(picker, "picker of profile '" + name + "'");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /** Returns the profile name. */
  public String name() {
    return name;
  }

  /** Returns the filters in execution order. */
  public List<Filter> filters() {
    return filters;
  }

  /** Returns the weighted scorers. */
  public List<WeightedScorer> scorers() {
    return scorers;
  }

  /** Returns the picker. */
  public Picker picker() {
    return picker;
  }

  /** Runs the profile over {@code candidates}. */
  public ProfileRunResult run(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
    List<Endpoint> remaining = candidates;
    for (Filter filter : filters) {
      long start = nanoClock.getAsLong();
      remaining = filter.filter(state, request, remaining);
      metrics.pluginDuration("Filter", filter.typedName(), nanoClock.getAsLong() - start);
      if (remaining.isEmpty()) {
        return ProfileRunResult.failed(NO_ENDPOINTS);
      }
    }
    double[] totals = new double[remaining.size()];
    for (WeightedScorer weighted : scorers) {
      long start = nanoClock.getAsLong();
      double[] scores = weighted.scorer().score(state, request, remaining);
      metrics.pluginDuration("Scorer", weighted.scorer().typedName(), nanoClock.getAsLong() - start);
      if (scores.length != totals.length) {
        throw new IllegalStateException("scorer '" + weighted.scorer().typedName().name()
            + "' returned " + scores.length + " scores for " + totals.length + " endpoints");
      }
      double weight = weighted.weight();
      for (int i = 0; i < totals.length; i++) {
        totals[i] += clamp(scores[i]) * weight;
      }
    }
    List<ScoredEndpoint> scored = new ScoredEndpoints(remaining, totals);
    long start = nanoClock.getAsLong();
    ProfileRunResult result = picker.pick(state, scored);
    metrics.pluginDuration("Picker", picker.typedName(), nanoClock.getAsLong() - start);
    return result;
  }

  private static double clamp(double score) {
    return score >= 0 ? (score < 1.0 ? score : 1.0) : 0;
  }
}
