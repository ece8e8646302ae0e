package dev.inferencegateway.epp.datastore.collector;

import dev.inferencegateway.epp.core.datalayer.Extractor;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import java.time.Instant;

/** An {@link Extractor} that turns a data source's output into updated endpoint metrics. */
public interface MetricsExtractor extends Extractor {
  /**
   * Extracts what it can from {@code data} into a copy of {@code current}.
   *
   * @param data the data source's output, an instance of {@link #inputType()}
   * @param endpoint the endpoint's current metadata (its labels select the engine)
   * @param current the endpoint's current metrics
   * @param now the time to stamp updated metrics with
   */
  Extraction extract(Object data, EndpointMetadata endpoint, ModelServerMetrics current, Instant now);
}
