package dev.inferencegateway.epp.datastore.kubernetes;

import dev.inferencegateway.epp.core.datastore.PoolInfo;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's endpoint rules: a pod whose labels match the pool selector, that is Ready, has an IP
 * and is not being deleted yields one endpoint per active target port, named
 * {@code <pod>-rank-<index in targetPorts>}.
 */
final class PodEndpoints {
  /** Upstream's annotation restricting the live target ports of a pod. */
  static final String ACTIVE_PORTS = "inference.networking.k8s.io/active-ports";
  /** llm-d's name for the same annotation; it wins when both are present. */
  static final String LLMD_ACTIVE_PORTS = "llm-d.ai/active-ports";

  private PodEndpoints() {}

  /**
   * Returns the endpoints of {@code pod} in {@code pool}.
   *
   * @param modelServerMetricsPort the deprecated {@code --model-server-metrics-port}, used only when
   *     the pool has exactly one target port (0 = unset)
   */
  static List<EndpointMetadata> of(PoolInfo pool, Pod pod, int modelServerMetricsPort) {
    if (!matches(pool.selector(), pod) || !isReady(pod)) {
      return List.of();
    }
    String ip = pod.getStatus().getPodIP();
    Set<Integer> active = activePorts(pod, pool.targetPorts());
    int metricsPort = pool.targetPorts().size() == 1 ? modelServerMetricsPort : 0;
    Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
    List<EndpointMetadata> out = new ArrayList<>();
    for (int index = 0; index < pool.targetPorts().size(); index++) {
      int port = pool.targetPorts().get(index);
      if (!active.contains(port)) {
        continue;
      }
      String podName = pod.getMetadata().getName();
      out.add(new EndpointMetadata(podName + "-rank-" + index, pod.getMetadata().getNamespace(), podName, ip, port,
          hostPort(ip, metricsPort > 0 ? metricsPort : port), labels));
    }
    return out;
  }

  static boolean matches(Map<String, String> selector, Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    for (Map.Entry<String, String> e : selector.entrySet()) {
      if (labels == null || !e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  static boolean isReady(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null || pod.getStatus() == null) {
      return false;
    }
    String ip = pod.getStatus().getPodIP();
    if (ip == null || ip.isBlank() || pod.getStatus().getConditions() == null) {
      return false;
    }
    for (PodCondition condition : pod.getStatus().getConditions()) {
      if ("Ready".equals(condition.getType())) {
        return "True".equals(condition.getStatus());
      }
    }
    return false;
  }

  private static Set<Integer> activePorts(Pod pod, List<Integer> targetPorts) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.getOrDefault(LLMD_ACTIVE_PORTS, annotations.get(ACTIVE_PORTS));
    if (value == null) {
      return new HashSet<>(targetPorts);
    }
    Set<Integer> active = new HashSet<>();
    for (String part : value.split(",")) {
      try {
        int port = Integer.parseInt(part.trim());
        if (targetPorts.contains(port)) {
          active.add(port);
        }
      } catch (NumberFormatException e) {
        continue;
      }
    }
    return active;
  }

  static String hostPort(String ip, int port) {
    return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
  }
}
