package dev.inferencegateway.epp.core.config;

import dev.inferencegateway.epp.core.datalayer.DataSource;
import dev.inferencegateway.epp.core.datalayer.Extractor;
import java.util.List;
import java.util.Objects;

/**
 * One configured data source with the extractors that its output is handed to.
 *
 * @param source the data source
 * @param extractors its extractors, in configuration order
 */
public record DataSourceBinding(DataSource source, List<Extractor> extractors) {
  public DataSourceBinding {
    Objects.requireNonNull(source, "source");
    extractors = List.copyOf(extractors);
  }
}
