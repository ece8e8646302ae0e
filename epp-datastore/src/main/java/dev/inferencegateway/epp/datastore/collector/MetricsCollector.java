package dev.inferencegateway.epp.datastore.collector;

import dev.inferencegateway.epp.datastore.EndpointEvents;
import dev.inferencegateway.epp.datastore.EndpointListener;
import dev.inferencegateway.epp.datastore.TrackedEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every endpoint's data sources on its own loop and stores the extracted metrics in the
 * datastore: one loop per endpoint, started when the endpoint is added and stopped when it is
 * removed, so a slow or dead endpoint never delays another. An endpoint whose pollers are all
 * asynchronous on one {@link PollLoop} is driven by that loop; any other gets a thread.
 *
 * <p>Poll and extraction errors are logged when an endpoint starts failing and when it recovers,
 * never on every tick; the endpoint keeps its last metrics, whose age makes it stale. With no
 * sources, collection is disabled and no loop runs.
 */
public final class MetricsCollector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsCollector.class);

  private final EndpointEvents events;
  private final List<DataLayerSource> sources;
  private final CollectorOptions options;
  private final CollectorCounters counters = new CollectorCounters();
  private final Map<TrackedEndpoint, EndpointLoop> loops = new ConcurrentHashMap<>();
  private final EndpointListener listener = new EndpointListener() {
    @Override
    public void endpointAdded(TrackedEndpoint endpoint) {
      startLoop(endpoint);
    }

    @Override
    public void endpointRemoved(TrackedEndpoint endpoint) {
      EndpointLoop loop = loops.remove(endpoint);
      if (loop != null) {
        loop.stop();
      }
    }
  };
  private volatile boolean closed;

  private MetricsCollector(EndpointEvents events, List<DataLayerSource> sources, CollectorOptions options) {
    this.events = events;
    this.sources = List.copyOf(sources);
    this.options = options;
  }

  /**
   * Starts collecting: registers with {@code events}, whose current endpoints start polling at once.
   *
   * @param events the datastore
   * @param sources the config's data-layer sources; empty disables collection
   * @param options the tick, timeout, clock and loop threads
   */
  public static MetricsCollector start(EndpointEvents events, List<DataLayerSource> sources,
      CollectorOptions options) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(options, "options");
    MetricsCollector collector = new MetricsCollector(events, sources, options);
    if (collector.sources.isEmpty()) {
      LOG.info("No data-layer sources configured: model-server metrics collection is disabled");
      return collector;
    }
    LOG.info("Collecting metrics every {} ms from {} source(s)", options.refreshInterval().toMillis(),
        collector.sources.size());
    events.addEndpointListener(collector.listener);
    return collector;
  }

  /** Returns the counters since start. */
  public CollectorStats stats() {
    return new CollectorStats(loops.size(), counters.polls.sum(), counters.pollFailures.sum(),
        counters.extractionFailures.sum());
  }

  /** Returns true when collection is enabled (at least one source). */
  public boolean enabled() {
    return !sources.isEmpty();
  }

  /** Stops every loop and unregisters from the datastore; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    events.removeEndpointListener(listener);
    loops.values().forEach(EndpointLoop::stop);
    loops.clear();
  }

  private void startLoop(TrackedEndpoint endpoint) {
    if (closed) {
      return;
    }
    try {
      List<SourceRun> runs = sources.stream().map(source -> new SourceRun(endpoint, source, counters)).toList();
      EndpointLoop loop = EventLoopEndpointLoop.of(endpoint, runs, options)
          .orElseGet(() -> new ThreadEndpointLoop(endpoint, runs, options));
      loops.put(endpoint, loop);
      loop.start();
    } catch (RuntimeException e) {
      LOG.error("Cannot start metrics polling for endpoint {}", endpoint.name(), e);
    }
  }
}
