package dev.inferencegateway.epp.core.datastore;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The InferencePool (or standalone selector) the EPP serves.
 *
 * @param name the pool name
 * @param namespace the pool namespace
 * @param selector the pod label selector ({@code matchLabels})
 * @param targetPorts the model-server ports, at least one
 * @param appProtocol {@code http} or {@code kubernetes.io/h2c}
 */
public record PoolInfo(String name, String namespace, Map<String, String> selector,
    List<Integer> targetPorts, String appProtocol) {
  public PoolInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    selector = Map.copyOf(selector);
    targetPorts = List.copyOf(targetPorts);
    Objects.requireNonNull(appProtocol, "appProtocol");
  }
}
