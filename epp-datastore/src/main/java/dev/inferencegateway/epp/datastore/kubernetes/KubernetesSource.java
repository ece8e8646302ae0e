package dev.inferencegateway.epp.datastore.kubernetes;

import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.core.datastore.PoolInfo;
import dev.inferencegateway.epp.datastore.EndpointSource;
import dev.inferencegateway.epp.datastore.PoolStateSink;
import dev.inferencegateway.epp.datastore.rewrite.ModelRewriteRules;
import dev.inferencegateway.epp.datastore.rewrite.RewriteRule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the datastore from Kubernetes: the one InferencePool named by {@code --pool-name} in its
 * namespace, that namespace's Pods, and the InferenceObjectives and InferenceModelRewrites that
 * reference the pool, in the upstream group ({@code inference.networking.x-k8s.io/v1alpha2}) and
 * llm-d's ({@code llm-d.ai/v1alpha2}) when their CRDs are installed (checked once at start; a
 * missing CRD is logged, not an error).
 *
 * <p>A pool spec change re-syncs every pod; a deleted pool clears the datastore (not synced)
 * until it returns. Events of all informers are handled on one thread, in order.
 */
public final class KubernetesSource implements EndpointSource {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesSource.class);

  private final KubernetesSourceOptions options;
  private final KubernetesClient client;
  private final boolean ownsClient;
  private final List<SharedIndexInformer<GenericKubernetesResource>> objectiveInformers = new ArrayList<>();
  private final List<SharedIndexInformer<GenericKubernetesResource>> rewriteInformers = new ArrayList<>();
  private SharedIndexInformer<GenericKubernetesResource> poolInformer;
  private SourceRuntime runtime;
  private PoolStateSink sink;
  private PoolInfo pool;

  KubernetesSource(KubernetesSourceOptions options, KubernetesClient client, boolean ownsClient) {
    this.options = Objects.requireNonNull(options, "options");
    this.client = Objects.requireNonNull(client, "client");
    this.ownsClient = ownsClient;
  }

  /** Creates a source with a client configured from the environment (in-cluster or kubeconfig). */
  public static KubernetesSource create(KubernetesSourceOptions options) {
    return new KubernetesSource(options, new KubernetesClientBuilder().build(), true);
  }

  @Override
  public String description() {
    return "InferencePool " + options.poolNamespace() + "/" + options.poolName();
  }

  /** Starts the informers; CRD discovery runs on the source's event thread, so this never blocks on the API server. */
  @Override
  public synchronized void start(PoolStateSink target) {
    sink = target;
    String ns = options.poolNamespace();
    runtime = new SourceRuntime(client, ownsClient, sink, ns, options.modelServerMetricsPort(),
        "k8s-source-" + options.poolName());
    poolInformer = client.genericKubernetesResources(CustomResources.POOL).inNamespace(ns).runnableInformer(0);
    runtime.informers.add("InferencePool informer (" + ns + ")", poolInformer, r -> poolChanged(), r -> poolChanged());
    runtime.events.execute(() -> {
      for (String group : List.of(CustomResources.X_K8S_GROUP, CustomResources.LLMD_GROUP)) {
        watchOptional(CustomResources.objectives(group), objectiveInformers, this::objectivesChanged);
        watchOptional(CustomResources.rewrites(group), rewriteInformers, this::rewritesChanged);
      }
      runtime.start(() -> {
        poolChanged();
        sink.setSourceSynced(true);
      });
    });
  }

  private void watchOptional(ResourceDefinitionContext kind, List<SharedIndexInformer<GenericKubernetesResource>> into,
      Runnable onChange) {
    String component = CustomResources.describe(kind) + " informer";
    try {
      if (!CrdDiscovery.served(client, kind)) {
        LOG.info("{} is not installed; not watched", CustomResources.describe(kind));
        return;
      }
    } catch (KubernetesClientException e) {
      sink.reportProblem(component, "CRD discovery failed, not watched: " + InformerSet.describe(e));
      return;
    }
    SharedIndexInformer<GenericKubernetesResource> informer =
        client.genericKubernetesResources(kind).inNamespace(options.poolNamespace()).runnableInformer(0);
    into.add(informer);
    runtime.informers.add(component, informer, r -> onChange.run(), r -> onChange.run());
  }

  private void poolChanged() {
    String component = "InferencePool " + options.poolNamespace() + "/" + options.poolName();
    Optional<GenericKubernetesResource> found = poolInformer.getStore().list().stream()
        .filter(p -> options.poolName().equals(p.getMetadata().getName()) && !CustomResources.deleting(p))
        .findFirst();
    PoolInfo next = null;
    if (found.isPresent()) {
      try {
        next = PoolConverter.convert(found.get());
        sink.clearProblem(component);
      } catch (IllegalArgumentException e) {
        sink.reportProblem(component, "invalid: " + e.getMessage());
      }
    }
    if (Objects.equals(next, pool)) {
      return;
    }
    pool = next;
    if (next == null) {
      sink.clearPool();
      runtime.pods.pool(null);
      return;
    }
    sink.setPool(next);
    runtime.pods.pool(next);
    objectivesChanged();
    rewritesChanged();
  }

  private void objectivesChanged() {
    if (pool == null) {
      return;
    }
    Map<String, Objective> objectives = new LinkedHashMap<>();
    for (SharedIndexInformer<GenericKubernetesResource> informer : objectiveInformers) {
      for (GenericKubernetesResource resource : informer.getStore().list()) {
        if (!PoolRef.matches(resource, options.poolName())) {
          continue;
        }
        String component = "InferenceObjective " + CustomResources.key(resource);
        try {
          objectives.putIfAbsent(resource.getMetadata().getName(), ObjectiveConverter.convert(resource));
          sink.clearProblem(component);
        } catch (IllegalArgumentException e) {
          sink.reportProblem(component, "ignored: " + e.getMessage());
        }
      }
    }
    sink.setObjectives(objectives);
  }

  private void rewritesChanged() {
    if (pool == null) {
      return;
    }
    List<RewriteRule> rules = new ArrayList<>();
    Map<String, List<String>> problems = new HashMap<>();
    for (SharedIndexInformer<GenericKubernetesResource> informer : rewriteInformers) {
      for (GenericKubernetesResource resource : informer.getStore().list()) {
        if (PoolRef.matches(resource, options.poolName())) {
          RewriteConverter.Converted converted = RewriteConverter.convert(resource);
          rules.addAll(converted.rules());
          problems.put("InferenceModelRewrite " + CustomResources.key(resource), converted.problems());
        }
      }
    }
    problems.forEach((component, list) -> {
      if (list.isEmpty()) {
        sink.clearProblem(component);
      } else {
        sink.reportProblem(component, "rules ignored: " + String.join("; ", list));
      }
    });
    sink.setModelRewrites(ModelRewriteRules.of(rules));
  }

  @Override
  public synchronized void close() {
    SourceRuntime.close(runtime, client, ownsClient);
  }
}
