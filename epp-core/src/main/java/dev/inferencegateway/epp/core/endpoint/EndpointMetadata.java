package dev.inferencegateway.epp.core.endpoint;

import java.util.Map;
import java.util.Objects;

/**
 * The identity and address of one model-server endpoint (one pod and target port).
 *
 * @param name the endpoint name, {@code <pod>-rank-<index>} for Kubernetes endpoints
 * @param namespace the namespace of the pod
 * @param podName the pod name
 * @param address the pod IP (IPv4 or IPv6, without brackets)
 * @param port the serving port
 * @param metricsHost {@code host:port} where the model server's metrics are scraped
 * @param labels the pod labels
 */
public record EndpointMetadata(
    String name,
    String namespace,
    String podName,
    String address,
    int port,
    String metricsHost,
    Map<String, String> labels) {

  public EndpointMetadata {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(podName, "podName");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(metricsHost, "metricsHost");
    labels = Map.copyOf(labels);
  }

  /** Returns {@code address:port}, with brackets around an IPv6 address. */
  public String hostPort() {
    return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
  }
}
