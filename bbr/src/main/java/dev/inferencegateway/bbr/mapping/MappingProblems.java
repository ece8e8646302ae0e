package dev.inferencegateway.bbr.mapping;

import dev.inferencegateway.bbr.metrics.BbrMetrics;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports invalid mappings and conflicts: a log line each, and the mapping metrics. */
public final class MappingProblems {
  private static final Logger LOG = LoggerFactory.getLogger(MappingProblems.class);

  private final BbrMetrics metrics;

  /** Creates the reporter over {@code metrics}. */
  public MappingProblems(BbrMetrics metrics) {
    this.metrics = metrics;
  }

  /** Reports an invalid mapping from a source of {@code kind} ({@code configmap} or {@code file}). */
  public void invalid(String kind, String message) {
    LOG.error("ignoring invalid base-model mapping: {}", message);
    metrics.mappingError(kind);
  }

  /** Reports the conflicts of a new mapping state; only conflicts not reported before are logged. */
  public void conflicts(List<MappingConflict> previous, List<MappingConflict> current) {
    Set<MappingConflict> known = new HashSet<>(previous);
    current.stream().filter(c -> !known.contains(c)).forEach(c -> LOG.warn("base-model mapping conflict: {}", c.describe()));
    metrics.mappingConflicts((int) current.stream().map(MappingConflict::name).distinct().count());
  }
}
