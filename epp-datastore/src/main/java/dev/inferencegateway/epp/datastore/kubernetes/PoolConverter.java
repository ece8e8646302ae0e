package dev.inferencegateway.epp.datastore.kubernetes;

import dev.inferencegateway.epp.core.datastore.PoolInfo;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an {@code inference.networking.k8s.io/v1} InferencePool into a {@link PoolInfo}. */
final class PoolConverter {
  private PoolConverter() {}

  /**
   * Converts {@code pool}.
   *
   * @throws IllegalArgumentException naming the field when the spec is unusable
   */
  static PoolInfo convert(GenericKubernetesResource pool) {
    Map<String, Object> spec = CustomResources.map(pool.getAdditionalProperties().get("spec"));
    if (spec == null) {
      throw new IllegalArgumentException("spec is missing");
    }
    Map<String, Object> selector = CustomResources.map(spec.get("selector"));
    Map<String, Object> matchLabels = CustomResources.map(selector == null ? null : selector.get("matchLabels"));
    if (matchLabels == null || matchLabels.isEmpty()) {
      throw new IllegalArgumentException("spec.selector.matchLabels is missing or empty");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    matchLabels.forEach((k, v) -> labels.put(k, String.valueOf(v)));
    List<Object> targetPorts = CustomResources.list(spec.get("targetPorts"));
    if (targetPorts == null || targetPorts.isEmpty()) {
      throw new IllegalArgumentException("spec.targetPorts is missing or empty");
    }
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < targetPorts.size(); i++) {
      Integer number = CustomResources.integer(CustomResources.map(targetPorts.get(i)), "number");
      if (number == null || number < 1 || number > 65535) {
        throw new IllegalArgumentException("spec.targetPorts[" + i + "].number must be a port number");
      }
      ports.add(number);
    }
    String appProtocol = CustomResources.string(spec, "appProtocol");
    return new PoolInfo(pool.getMetadata().getName(), pool.getMetadata().getNamespace(), labels, ports,
        appProtocol == null || appProtocol.isBlank() ? "http" : appProtocol);
  }
}
