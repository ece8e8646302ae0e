package dev.inferencegateway.epp.datastore.collector;

import dev.inferencegateway.epp.core.datalayer.DataSource;
import dev.inferencegateway.epp.core.datalayer.Extractor;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import java.util.List;

/** A {@link DataSource} that the collector polls once per endpoint on every tick. */
public interface PollingDataSource extends DataSource {
  /**
   * Creates the poller of one endpoint; it gathers what {@code extractors} need and returns an
   * instance of {@link #outputType()} from each poll.
   */
  EndpointPoller newPoller(EndpointMetadata endpoint, List<Extractor> extractors);
}
