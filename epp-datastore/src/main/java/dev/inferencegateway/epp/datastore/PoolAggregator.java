package dev.inferencegateway.epp.datastore;

import dev.inferencegateway.epp.core.datastore.PoolInfo;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Computes {@link PoolAggregates} from the endpoints' latest metrics. */
final class PoolAggregator {
  private final Clock clock;
  private final Duration stalenessThreshold;

  PoolAggregator(Clock clock, Duration stalenessThreshold) {
    this.clock = clock;
    this.stalenessThreshold = stalenessThreshold;
  }

  PoolAggregates compute(Optional<PoolInfo> pool, List<TrackedEndpoint> endpoints) {
    Instant now = clock.instant();
    Map<String, Integer> queueByEndpoint = new HashMap<>();
    int fresh = 0;
    double kv = 0;
    long queue = 0;
    long running = 0;
    for (TrackedEndpoint endpoint : endpoints) {
      ModelServerMetrics metrics = endpoint.metrics();
      queueByEndpoint.put(endpoint.name(), metrics.waitingQueueSize());
      if (!metrics.isStale(now, stalenessThreshold)) {
        fresh++;
        kv += metrics.kvCacheUsage();
        queue += metrics.waitingQueueSize();
        running += metrics.runningRequests();
      }
    }
    return new PoolAggregates(pool.map(PoolInfo::name).orElse(""), now, fresh,
        fresh == 0 ? 0 : kv / fresh, fresh == 0 ? 0 : (double) queue / fresh,
        fresh == 0 ? 0 : (double) running / fresh, queueByEndpoint);
  }
}
