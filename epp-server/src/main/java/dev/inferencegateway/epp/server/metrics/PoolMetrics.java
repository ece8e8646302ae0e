package dev.inferencegateway.epp.server.metrics;

import dev.inferencegateway.epp.datastore.PoolAggregates;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Exports the datastore's {@link PoolAggregates} as upstream's pool gauges:
 * {@code inference_pool_ready_pods}, the average KV-cache use, queue size and running requests
 * (labelled {@code name}), and {@code inference_pool_per_pod_queue_size} (labelled {@code name},
 * {@code model_server_pod}).
 */
public final class PoolMetrics implements Consumer<PoolAggregates> {
  private final Gauge readyPods;
  private final Gauge averageKvCache;
  private final Gauge averageQueue;
  private final Gauge averageRunning;
  private volatile PoolAggregates last = PoolAggregates.NONE;

  /** Registers the pool gauges in {@code registry}. */
  public PoolMetrics(PrometheusRegistry registry) {
    averageKvCache = gauge(registry, "inference_pool_average_kv_cache_utilization",
        "The average kv cache utilization for an inference server pool.");
    averageQueue = gauge(registry, "inference_pool_average_queue_size",
        "The average number of requests pending in the model server queue.");
    averageRunning = gauge(registry, "inference_pool_average_running_requests",
        "The average number of running requests across model servers in the pool.");
    readyPods = gauge(registry, "inference_pool_ready_pods", "The number of ready pods in the inference server pool.");
    registry.register(new PerPodQueue());
  }

  /** Publishes a new computation of the pool aggregates. */
  @Override
  public void accept(PoolAggregates aggregates) {
    String pool = aggregates.poolName();
    averageKvCache.labelValues(pool).set(aggregates.averageKvCacheUsage());
    averageQueue.labelValues(pool).set(aggregates.averageQueueSize());
    averageRunning.labelValues(pool).set(aggregates.averageRunningRequests());
    readyPods.labelValues(pool).set(aggregates.readyEndpoints());
    if (!last.poolName().equals(pool) && !last.poolName().isEmpty()) {
      for (Gauge gauge : new Gauge[] {averageKvCache, averageQueue, averageRunning, readyPods}) {
        gauge.remove(last.poolName());
      }
    }
    last = aggregates;
  }

  private static Gauge gauge(PrometheusRegistry registry, String name, String help) {
    return Gauge.builder().name(name).help(EppMetrics.alpha(help)).labelNames("name").register(registry);
  }

  /** The per-endpoint queue sizes of the last computation. */
  private final class PerPodQueue implements Collector {
    private static final String NAME = "inference_pool_per_pod_queue_size";

    @Override
    public MetricSnapshot collect() {
      PoolAggregates current = last;
      GaugeSnapshot.Builder snapshot = GaugeSnapshot.builder().name(NAME).help(EppMetrics.alpha(
          "The total number of requests pending in the model server queue for each underlying pod."));
      for (Map.Entry<String, Integer> queue : new TreeMap<>(current.queueByEndpoint()).entrySet()) {
        snapshot.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
            .labels(Labels.of("model_server_pod", queue.getKey(), "name", current.poolName()))
            .value(queue.getValue()).build());
      }
      return snapshot.build();
    }

    @Override
    public String getPrometheusName() {
      return NAME;
    }
  }
}
