package dev.inferencegateway.epp.datastore.collector;

import dev.inferencegateway.epp.core.datalayer.Extractor;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.datastore.TrackedEndpoint;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls one data source for one endpoint and runs its extractors on the result. */
final class SourceRun implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsCollector.class);

  private final TrackedEndpoint endpoint;
  private final EndpointPoller poller;
  private final List<MetricsExtractor> extractors = new ArrayList<>();
  private final List<FailureState> extractorStates = new ArrayList<>();
  private final FailureState pollState;
  private final CollectorCounters counters;

  SourceRun(TrackedEndpoint endpoint, DataLayerSource source, CollectorCounters counters) {
    this.endpoint = endpoint;
    this.counters = counters;
    this.poller = ((PollingDataSource) source.source()).newPoller(endpoint.metadata(), source.extractors());
    this.pollState = new FailureState(LOG, "Polling " + source.source().typedName() + " of endpoint "
        + endpoint.name());
    for (Extractor extractor : source.extractors()) {
      extractors.add((MetricsExtractor) extractor);
      extractorStates.add(new FailureState(LOG, "Extractor " + extractor.typedName() + " on endpoint "
          + endpoint.name()));
    }
  }

  /** Returns the poller of this endpoint and source. */
  EndpointPoller poller() {
    return poller;
  }

  /** Polls and extracts once; returns false when the poll was interrupted by a stop. */
  boolean runOnce(Duration timeout, Supplier<Instant> now, BooleanSupplier running) {
    Object data;
    try {
      data = poller.poll(timeout);
    } catch (Exception e) {
      return completed(null, e, now, running);
    }
    return completed(data, null, now, running);
  }

  /**
   * Counts a poll that ended with {@code data} or {@code failure} and runs the extractors on the
   * data; returns false when the poll failed because of a stop.
   */
  boolean completed(Object data, Exception failure, Supplier<Instant> now, BooleanSupplier running) {
    counters.polls.increment();
    if (failure != null) {
      if (!running.getAsBoolean()) {
        return false;
      }
      counters.pollFailures.increment();
      pollState.failed(failure instanceof InterruptedException || failure instanceof InterruptedIOException
          ? String.valueOf(failure.getMessage()) : describe(failure));
      return true;
    }
    pollState.succeeded();
    for (int i = 0; i < extractors.size(); i++) {
      extract(extractors.get(i), extractorStates.get(i), data, now.get());
    }
    return true;
  }

  private void extract(MetricsExtractor extractor, FailureState state, Object data, Instant now) {
    try {
      ModelServerMetrics current = endpoint.metrics();
      Extraction result = extractor.extract(data, endpoint.metadata(), current, now);
      if (result.updated()) {
        endpoint.updateMetrics(ignored -> result.metrics());
      }
      if (result.errors().isEmpty()) {
        state.succeeded();
      } else {
        counters.extractionFailures.increment();
        state.failed(String.join("; ", result.errors()));
      }
    } catch (RuntimeException e) {
      counters.extractionFailures.increment();
      state.failed(describe(e));
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  @Override
  public void close() {
    try {
      poller.close();
    } catch (Exception e) {
      LOG.debug("Closing the poller of {} failed", endpoint.name(), e);
    }
  }
}
