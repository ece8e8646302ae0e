package dev.inferencegateway.epp.datastore.kubernetes;

import dev.inferencegateway.epp.core.datastore.PoolInfo;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.datastore.PoolStateSink;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Turns pod events into endpoints of the current pool; runs on the source's event thread. */
final class PodReconciler {
  private final PoolStateSink sink;
  private final Supplier<List<Pod>> pods;
  private final int modelServerMetricsPort;
  private PoolInfo pool;

  PodReconciler(PoolStateSink sink, Supplier<List<Pod>> pods, int modelServerMetricsPort) {
    this.sink = sink;
    this.pods = pods;
    this.modelServerMetricsPort = modelServerMetricsPort;
  }

  /** Sets the pool (null when there is none) and recomputes every pod's endpoints. */
  void pool(PoolInfo value) {
    pool = value;
    resyncAll();
  }

  void resyncAll() {
    Map<String, List<EndpointMetadata>> all = new HashMap<>();
    if (pool != null) {
      for (Pod pod : pods.get()) {
        List<EndpointMetadata> endpoints = PodEndpoints.of(pool, pod, modelServerMetricsPort);
        if (!endpoints.isEmpty()) {
          all.put(key(pod), endpoints);
        }
      }
    }
    sink.replaceAllEndpoints(all);
  }

  void changed(Pod pod) {
    if (pool != null) {
      sink.setEndpoints(key(pod), PodEndpoints.of(pool, pod, modelServerMetricsPort));
    }
  }

  void deleted(Pod pod) {
    sink.setEndpoints(key(pod), List.of());
  }

  private static String key(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }
}
