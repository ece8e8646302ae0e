package dev.inferencegateway.epp.datastore.collector;

import dev.inferencegateway.epp.core.datalayer.DataSource;
import dev.inferencegateway.epp.core.datalayer.Extractor;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a config's {@code dataLayer.sources}: a data source and the extractors fed by it.
 *
 * @param source a {@link PollingDataSource}
 * @param extractors {@link MetricsExtractor}s whose input type accepts the source's output
 * @throws IllegalArgumentException naming the plugins when the source cannot be polled or an
 *     extractor cannot consume it
 */
public record DataLayerSource(DataSource source, List<Extractor> extractors) {
  public DataLayerSource {
    Objects.requireNonNull(source, "source");
    extractors = List.copyOf(extractors);
    if (!(source instanceof PollingDataSource)) {
      throw new IllegalArgumentException("data source " + source.typedName()
          + " cannot be polled by the metrics collector");
    }
    for (Extractor extractor : extractors) {
      if (!(extractor instanceof MetricsExtractor)) {
        throw new IllegalArgumentException("extractor " + extractor.typedName()
            + " does not produce endpoint metrics");
      }
      if (!extractor.inputType().isAssignableFrom(source.outputType())) {
        throw new IllegalArgumentException("extractor " + extractor.typedName() + " expects "
            + extractor.inputType().getSimpleName() + " but data source " + source.typedName()
            + " produces " + source.outputType().getSimpleName());
      }
    }
  }
}
