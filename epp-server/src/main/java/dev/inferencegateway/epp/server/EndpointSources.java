package dev.inferencegateway.epp.server;

import dev.inferencegateway.epp.datastore.EndpointSource;
import dev.inferencegateway.epp.datastore.kubernetes.KubernetesSource;
import dev.inferencegateway.epp.datastore.kubernetes.KubernetesSourceOptions;
import dev.inferencegateway.epp.datastore.kubernetes.StandaloneSource;
import dev.inferencegateway.epp.datastore.kubernetes.StandaloneSourceOptions;
import dev.inferencegateway.epp.datastore.staticendpoints.StaticSource;
import dev.inferencegateway.epp.datastore.staticendpoints.StaticSourceOptions;
import dev.inferencegateway.epp.server.cli.EppOptions;
import dev.inferencegateway.epp.server.cli.ResolvedOptions;
import dev.inferencegateway.epp.server.cli.UsageException;
import java.util.List;
import java.util.Map;

/** Creates the endpoint source the flags select: InferencePool, standalone selector or static list. */
final class EndpointSources {
  private EndpointSources() {}

  static EndpointSource create(ResolvedOptions resolved, Map<String, String> env) {
    EppOptions o = resolved.options();
    try {
      return switch (resolved.mode()) {
        case POOL -> KubernetesSource.create(new KubernetesSourceOptions(o.poolName, resolved.namespace(),
            o.poolGroup, o.modelServerMetricsPort));
        case STANDALONE -> StandaloneSource.create(StandaloneSourceOptions.fromFlags(o.endpointSelector,
            o.endpointTargetPorts, o.poolNamespace, o.modelServerMetricsPort, env::get));
        case STATIC -> new StaticSource(o.endpointsFile != null
            ? StaticSourceOptions.fromFile(o.endpointsFile, StaticSourceOptions.DEFAULT_POOL_NAME, resolved.namespace())
            : StaticSourceOptions.fromEndpointsFlag(o.endpoints, StaticSourceOptions.DEFAULT_POOL_NAME,
                resolved.namespace()));
      };
    } catch (IllegalArgumentException e) {
      throw new UsageException(List.of(e.getMessage()));
    }
  }
}
