package dev.inferencegateway.epp.datastore.collector;

import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one extraction: the metrics (updated and stamped when at least one value was
 * read) and the errors of the values that could not be read.
 *
 * @param metrics the metrics to store
 * @param updated true when at least one value was read
 * @param errors one message per value that could not be read
 */
public record Extraction(ModelServerMetrics metrics, boolean updated, List<String> errors) {
  public Extraction {
    Objects.requireNonNull(metrics, "metrics");
    errors = List.copyOf(errors);
  }
}
