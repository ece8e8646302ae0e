package dev.inferencegateway.epp.server.metrics;

import dev.inferencegateway.epp.core.datastore.Datastore;
import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.datastore.PoolInfo;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool gauges: {@code inference_pool_ready_pods} and the average KV-cache use, queue size and
 * running requests over endpoints whose metrics are fresher than the staleness threshold,
 * refreshed every {@code --refresh-prometheus-metrics-interval}; and
 * {@code inference_pool_per_pod_queue_size}, read from the datastore at scrape time.
 */
public final class PoolMetrics implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PoolMetrics.class);

  private final Datastore datastore;
  private final Clock clock;
  private final Duration staleness;
  private final Gauge readyPods;
  private final Gauge averageKvCache;
  private final Gauge averageQueue;
  private final Gauge averageRunning;
  private ScheduledFuture<?> refresher;

  /** Registers the pool gauges in {@code registry}. */
  public PoolMetrics(PrometheusRegistry registry, Datastore datastore, Clock clock, Duration staleness) {
    this.datastore = datastore;
    this.clock = clock;
    this.staleness = staleness;
    averageKvCache = gauge(registry, "inference_pool_average_kv_cache_utilization",
        "The average kv cache utilization for an inference server pool.");
    averageQueue = gauge(registry, "inference_pool_average_queue_size",
        "The average number of requests pending in the model server queue.");
    averageRunning = gauge(registry, "inference_pool_average_running_requests",
        "The average number of running requests across model servers in the pool.");
    readyPods = gauge(registry, "inference_pool_ready_pods", "The number of ready pods in the inference server pool.");
    registry.register(new PerPodQueue());
  }

  /** Starts refreshing the pool gauges every {@code interval} on {@code executor}. */
  public synchronized void start(ScheduledExecutorService executor, Duration interval) {
    refresher = executor.scheduleWithFixedDelay(this::refreshSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Recomputes the pool gauges now. */
  public void refresh() {
    String pool = datastore.pool().map(PoolInfo::name).orElse("");
    Instant now = clock.instant();
    List<EndpointSnapshot> fresh = datastore.endpoints().stream()
        .filter(e -> !e.metrics().isStale(now, staleness)).toList();
    double count = fresh.size();
    averageKvCache.labelValues(pool).set(count == 0 ? 0
        : fresh.stream().mapToDouble(e -> e.metrics().kvCacheUsage()).sum() / count);
    averageQueue.labelValues(pool).set(count == 0 ? 0
        : fresh.stream().mapToDouble(e -> e.metrics().waitingQueueSize()).sum() / count);
    averageRunning.labelValues(pool).set(count == 0 ? 0
        : fresh.stream().mapToDouble(e -> e.metrics().runningRequests()).sum() / count);
    readyPods.labelValues(pool).set(count);
  }

  private void refreshSafely() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.warn("Refreshing the pool metrics failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void close() {
    if (refresher != null) {
      refresher.cancel(false);
    }
  }

  private static Gauge gauge(PrometheusRegistry registry, String name, String help) {
    return Gauge.builder().name(name).help(EppMetrics.alpha(help)).labelNames("name").register(registry);
  }

  /** The per-endpoint queue size, collected from the datastore on every scrape. */
  private final class PerPodQueue implements Collector {
    @Override
    public MetricSnapshot collect() {
      String pool = datastore.pool().map(PoolInfo::name).orElse("");
      GaugeSnapshot.Builder snapshot = GaugeSnapshot.builder().name("inference_pool_per_pod_queue_size")
          .help(EppMetrics.alpha("The total number of requests pending in the model server queue for each underlying pod."));
      for (EndpointSnapshot endpoint : datastore.endpoints()) {
        snapshot.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
            .labels(Labels.of("name", pool, "model_server_pod", endpoint.metadata().name()))
            .value(endpoint.metrics().waitingQueueSize()).build());
      }
      return snapshot.build();
    }

    @Override
    public String getPrometheusName() {
      return "inference_pool_per_pod_queue_size";
    }
  }
}
