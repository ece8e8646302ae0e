package dev.inferencegateway.epp.datastore.kubernetes;

import dev.inferencegateway.epp.datastore.NamespaceResolver;
import java.util.function.UnaryOperator;

/**
 * Settings of the {@link KubernetesSource}, filled from the server's flags.
 *
 * @param poolName {@code --pool-name}
 * @param poolNamespace the resolved namespace ({@code --pool-namespace}, env {@code NAMESPACE}, {@code default})
 * @param poolGroup {@code --pool-group}; only {@code inference.networking.k8s.io} (InferencePool v1)
 * @param modelServerMetricsPort the deprecated {@code --model-server-metrics-port}; 0 when unset
 */
public record KubernetesSourceOptions(String poolName, String poolNamespace, String poolGroup,
    int modelServerMetricsPort) {
  public KubernetesSourceOptions {
    if (poolName == null || poolName.isBlank()) {
      throw new IllegalArgumentException("--pool-name must not be empty");
    }
    if (poolNamespace == null || poolNamespace.isBlank()) {
      throw new IllegalArgumentException("--pool-namespace must not be empty");
    }
    poolGroup = poolGroup == null || poolGroup.isBlank() ? CustomResources.POOL_GROUP : poolGroup;
    if (!poolGroup.equals(CustomResources.POOL_GROUP)) {
      throw new IllegalArgumentException("--pool-group: only " + CustomResources.POOL_GROUP
          + " (InferencePool v1) is supported, got \"" + poolGroup + "\"");
    }
    checkMetricsPort(modelServerMetricsPort);
  }

  /**
   * Builds the options from flag values, resolving the namespace as upstream does.
   *
   * @param poolNamespaceFlag {@code --pool-namespace}, null or blank when unset
   * @param env reads environment variables, e.g. {@code System::getenv}
   */
  public static KubernetesSourceOptions fromFlags(String poolName, String poolNamespaceFlag, String poolGroup,
      int modelServerMetricsPort, UnaryOperator<String> env) {
    return new KubernetesSourceOptions(poolName, NamespaceResolver.resolve(poolNamespaceFlag, env), poolGroup,
        modelServerMetricsPort);
  }

  static void checkMetricsPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--model-server-metrics-port must be in 0..65535, got " + port);
    }
  }
}
