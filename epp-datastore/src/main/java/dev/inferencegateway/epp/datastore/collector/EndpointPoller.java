package dev.inferencegateway.epp.datastore.collector;

import java.time.Duration;

/** Polls one endpoint for one data source; used by a single collection loop, never concurrently. */
public interface EndpointPoller extends AutoCloseable {
  /**
   * Polls once, within {@code timeout}.
   *
   * @return the data, an instance of the source's output type
   * @throws Exception on any failure; the message should name the endpoint and the cause
   */
  Object poll(Duration timeout) throws Exception;

  /** Cancels an in-flight poll and releases resources. */
  @Override
  default void close() {}
}
