package dev.inferencegateway.epp.datastore.kubernetes;

import dev.inferencegateway.epp.core.datastore.PoolInfo;
import dev.inferencegateway.epp.datastore.EndpointSource;
import dev.inferencegateway.epp.datastore.PoolStateSink;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Objects;

/**
 * Feeds the datastore in standalone mode: the pods of a namespace that match
 * {@code --endpoint-selector}, served on {@code --endpoint-target-ports}, without any
 * InferencePool, objective or rewrite CRD.
 */
public final class StandaloneSource implements EndpointSource {
  private final StandaloneSourceOptions options;
  private final KubernetesClient client;
  private final boolean ownsClient;
  private SourceRuntime runtime;

  StandaloneSource(StandaloneSourceOptions options, KubernetesClient client, boolean ownsClient) {
    this.options = Objects.requireNonNull(options, "options");
    this.client = Objects.requireNonNull(client, "client");
    this.ownsClient = ownsClient;
  }

  /** Creates a source with a client configured from the environment (in-cluster or kubeconfig). */
  public static StandaloneSource create(StandaloneSourceOptions options) {
    return new StandaloneSource(options, new KubernetesClientBuilder().build(), true);
  }

  /** Returns the pool this source reports. */
  public PoolInfo pool() {
    return new PoolInfo(options.poolName(), options.namespace(), options.selector(), options.targetPorts(), "http");
  }

  @Override
  public String description() {
    return "pods " + options.selector() + " in " + options.namespace() + " (standalone pool " + options.poolName() + ")";
  }

  @Override
  public synchronized void start(PoolStateSink sink) {
    runtime = new SourceRuntime(client, ownsClient, sink, options.namespace(), options.modelServerMetricsPort(),
        "k8s-standalone-" + options.poolName());
    sink.setPool(pool());
    runtime.start(() -> {
      runtime.pods.pool(pool());
      sink.setSourceSynced(true);
    });
  }

  @Override
  public synchronized void close() {
    SourceRuntime.close(runtime, client, ownsClient);
  }
}
