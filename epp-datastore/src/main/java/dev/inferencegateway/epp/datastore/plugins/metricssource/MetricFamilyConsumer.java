package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.util.Set;

/**
 * Implemented by extractors of {@code metrics-data-source} output to name the metric families
 * they read, so that only those are materialised; an extractor that does not implement it gets
 * every family.
 */
public interface MetricFamilyConsumer {
  /** Returns the names of the families read, over every engine the extractor knows. */
  Set<String> metricFamilies();
}
