package dev.inferencegateway.epp.server;

import dev.inferencegateway.epp.server.cli.EndpointMode;
import dev.inferencegateway.epp.server.cli.ResolvedOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Connects to the Kubernetes API when a flag needs it (pool or standalone mode, leader election,
 * metrics authentication) and fails startup clearly when it is unreachable.
 */
final class KubernetesAccess {
  private KubernetesAccess() {}

  /** Thrown when Kubernetes is needed but unreachable; the message tells what to change. */
  static final class UnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Returns a connected client, or empty when no flag needs Kubernetes. */
  static Optional<KubernetesClient> connect(ResolvedOptions resolved) {
    if (!resolved.needsKubernetes()) {
      return Optional.empty();
    }
    Config config = new ConfigBuilder(Config.autoConfigure(null)).withConnectionTimeout(5_000)
        .withRequestTimeout(10_000).withRequestRetryBackoffLimit(1).build();
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    try {
      client.getKubernetesVersion();
      return Optional.of(client);
    } catch (KubernetesClientException e) {
      client.close();
      throw new UnreachableException(message(resolved, config, e), e);
    }
  }

  private static String message(ResolvedOptions resolved, Config config, KubernetesClientException e) {
    String cause = e.getCause() == null ? e.getMessage() : e.getCause().toString();
    String base = "cannot reach the Kubernetes API server at " + config.getMasterUrl() + " (" + cause + ")";
    boolean bbrConfigMaps = resolved.options().enableBbr && resolved.options().bbrBaseModelFile == null;
    if (resolved.mode() == EndpointMode.STATIC && !resolved.options().leaderElection && !bbrConfigMaps) {
      return base + ": --metrics-endpoint-auth (on by default) checks /metrics bearer tokens with TokenReview and "
          + "SubjectAccessReview; pass --metrics-endpoint-auth=false to serve /metrics without authentication";
    }
    List<String> needs = new ArrayList<>();
    if (resolved.mode() == EndpointMode.POOL) {
      needs.add("--pool-name (InferencePool informers)");
    }
    if (resolved.mode() == EndpointMode.STANDALONE) {
      needs.add("--endpoint-selector (pod informers)");
    }
    if (resolved.options().leaderElection) {
      needs.add("--ha-enable-leader-election (Lease)");
    }
    if (bbrConfigMaps) {
      needs.add("--enable-bbr (base-model ConfigMaps; pass --bbr-base-model-file to use a file instead)");
    }
    if (resolved.options().metricsEndpointAuth) {
      needs.add("--metrics-endpoint-auth (TokenReview/SubjectAccessReview; pass --metrics-endpoint-auth=false to disable)");
    }
    return base + "; it is needed by " + String.join(", ", needs)
        + ". Run in a cluster or point KUBECONFIG at one, or use --endpoints/--endpoints-file without Kubernetes";
  }
}
