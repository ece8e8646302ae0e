package dev.inferencegateway.bench.sim.server;

import java.util.Map;
import java.util.Objects;

/**
 * Who a simulated model server is, as Kubernetes would name it.
 *
 * @param name the pod name, sent back in {@code x-inference-pod}
 * @param namespace the namespace, sent back in {@code x-inference-namespace}
 * @param pool the InferencePool (fleet pool) the pod belongs to
 * @param host the loopback address the server binds
 * @param labels the pod's labels
 */
public record PodIdentity(String name, String namespace, String pool, String host, Map<String, String> labels) {

  /** Validates and copies. */
  public PodIdentity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(host, "host");
    labels = Map.copyOf(labels);
  }
}
