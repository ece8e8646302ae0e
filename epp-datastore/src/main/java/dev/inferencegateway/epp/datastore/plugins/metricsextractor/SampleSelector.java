package dev.inferencegateway.epp.datastore.plugins.metricsextractor;

import dev.inferencegateway.epp.datastore.prometheus.MetricFamilies;
import dev.inferencegateway.epp.datastore.prometheus.MetricFamily;
import dev.inferencegateway.epp.datastore.prometheus.MetricType;
import dev.inferencegateway.epp.datastore.prometheus.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the samples a {@link MetricSpec} designates.
 *
 * <p>Among the family's series whose labels include the spec's, the newest by timestamp wins
 * (the first on ties or without timestamps). Series are first grouped by the {@code engine}
 * label, so a data-parallel server that reports several engines yields one newest sample per
 * engine, which the caller sums or averages.
 */
final class SampleSelector {
  /** The label vLLM puts on each engine's series. */
  static final String ENGINE_LABEL = "engine";

  private SampleSelector() {}

  /**
   * Returns the newest matching sample of each engine, in order of first appearance.
   *
   * @throws MissingMetricException when the family or a matching series is absent
   */
  static List<Sample> newestPerEngine(MetricFamilies families, MetricSpec spec) throws MissingMetricException {
    MetricFamily family = family(families, spec);
    Map<String, Sample> newest = new LinkedHashMap<>(4);
    for (Sample sample : family.samples()) {
      if (!isValueSample(family, sample) || !spec.matches(sample.labels())) {
        continue;
      }
      String engine = sample.labels().valueOrNull(ENGINE_LABEL);
      Sample current = newest.get(engine == null ? "" : engine);
      if (current == null || sample.timestampMs() > current.timestampMs()) {
        newest.put(engine == null ? "" : engine, sample);
      }
    }
    if (newest.isEmpty()) {
      throw new MissingMetricException("no series of " + spec.name() + " has labels " + spec.labels());
    }
    return new ArrayList<>(newest.values());
  }

  /** Returns the matching sample with the largest value, or empty when there is none. */
  static Optional<Sample> largestValue(MetricFamilies families, MetricSpec spec) {
    Optional<MetricFamily> family = families.get(spec.name());
    if (family.isEmpty()) {
      return Optional.empty();
    }
    Sample best = null;
    for (Sample sample : family.get().samples()) {
      if (isValueSample(family.get(), sample) && spec.matches(sample.labels())
          && (best == null || sample.value() > best.value())) {
        best = sample;
      }
    }
    return Optional.ofNullable(best);
  }

  private static MetricFamily family(MetricFamilies families, MetricSpec spec) throws MissingMetricException {
    return families.get(spec.name())
        .orElseThrow(() -> new MissingMetricException("metric family " + spec.name() + " not found"));
  }

  private static boolean isValueSample(MetricFamily family, Sample sample) {
    String name = sample.name();
    if (name.equals(family.name())) {
      return true;
    }
    return (family.type() == MetricType.COUNTER && name.equals(family.name() + "_total"))
        || (family.type() == MetricType.INFO && name.equals(family.name() + "_info"));
  }

  /** A spec's family or series is missing from the exposition. */
  static final class MissingMetricException extends Exception {
    private static final long serialVersionUID = 1L;

    MissingMetricException(String message) {
      super(message, null, false, false);
    }
  }
}
