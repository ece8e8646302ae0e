package dev.inferencegateway.epp.datastore;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The pool-level figures that the server exports as upstream's {@code inference_pool_*} gauges.
 *
 * <p>Averages are over the endpoints whose metrics are fresher than the staleness threshold
 * ({@code readyEndpoints} of them) and are 0 when there are none. {@code queueByEndpoint} holds
 * every endpoint's last known queue, as upstream's per-pod collector reports it.
 *
 * @param poolName the pool name (the {@code name} label); empty while the pool is unknown
 * @param computedAt when the figures were computed
 * @param readyEndpoints endpoints with fresh metrics ({@code inference_pool_ready_pods})
 * @param averageKvCacheUsage mean KV-cache use in [0, 1] ({@code inference_pool_average_kv_cache_utilization})
 * @param averageQueueSize mean waiting queue ({@code inference_pool_average_queue_size})
 * @param averageRunningRequests mean running requests ({@code inference_pool_average_running_requests})
 * @param queueByEndpoint waiting queue by endpoint name ({@code inference_pool_per_pod_queue_size})
 */
public record PoolAggregates(String poolName, Instant computedAt, int readyEndpoints,
    double averageKvCacheUsage, double averageQueueSize, double averageRunningRequests,
    Map<String, Integer> queueByEndpoint) {
  /** The figures before anything was computed. */
  public static final PoolAggregates NONE = new PoolAggregates("", Instant.EPOCH, 0, 0, 0, 0, Map.of());

  public PoolAggregates {
    Objects.requireNonNull(poolName, "poolName");
    Objects.requireNonNull(computedAt, "computedAt");
    queueByEndpoint = Map.copyOf(queueByEndpoint);
  }
}
