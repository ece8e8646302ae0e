package dev.inferencegateway.bbr.mapping;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the labelled ConfigMaps with fabric8 informers (one per label, as a selector cannot OR
 * two keys) and keeps {@link BaseModelMappings} in step: a ConfigMap that is added or changed
 * replaces its mappings; one that is deleted or loses every label removes them; an invalid version
 * is reported and ignored (its last valid mappings stay until it is fixed or deleted).
 */
public final class ConfigMapMappingSource implements AutoCloseable {
  /** The upstream GIE label. */
  public static final String BBR_LABEL = "inference.networking.k8s.io/bbr-managed";
  /** The llm-d inference payload processor label. */
  public static final String IPP_LABEL = "inference.llm-d.ai/ipp-managed";

  private static final Logger LOG = LoggerFactory.getLogger(ConfigMapMappingSource.class);

  private final KubernetesClient client;
  private final Optional<String> namespace;
  private final BaseModelMappings store;
  private final MappingProblems problems;
  private final List<SharedIndexInformer<ConfigMap>> informers = new ArrayList<>();

  /**
   * Creates the source.
   *
   * @param namespace the namespace to watch; empty for all namespaces
   */
  public ConfigMapMappingSource(KubernetesClient client, Optional<String> namespace, BaseModelMappings store,
      MappingProblems problems) {
    this.client = Objects.requireNonNull(client, "client");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.store = Objects.requireNonNull(store, "store");
    this.problems = Objects.requireNonNull(problems, "problems");
  }

  /** Starts the informers; the future completes when both have listed their ConfigMaps. */
  public synchronized CompletableFuture<Void> start() {
    List<CompletableFuture<Void>> synced = new ArrayList<>();
    for (String label : List.of(BBR_LABEL, IPP_LABEL)) {
      var configMaps = namespace.isPresent()
          ? client.configMaps().inNamespace(namespace.get()).withLabel(label, "true")
          : client.configMaps().inAnyNamespace().withLabel(label, "true");
      SharedIndexInformer<ConfigMap> informer = configMaps.runnableInformer(0);
      informer.addEventHandler(new Handler());
      informer.exceptionHandler((started, error) -> {
        LOG.warn("ConfigMap watch for label {} failed; retrying", label, error);
        return true;
      });
      informers.add(informer);
      synced.add(informer.start().toCompletableFuture());
    }
    LOG.info("watching base-model ConfigMaps labelled {}=true or {}=true in {}", BBR_LABEL, IPP_LABEL,
        namespace.map(ns -> "namespace " + ns).orElse("all namespaces"));
    return CompletableFuture.allOf(synced.toArray(CompletableFuture[]::new));
  }

  /** Returns true once every informer has listed its ConfigMaps. */
  public synchronized boolean hasSynced() {
    return !informers.isEmpty() && informers.stream().allMatch(SharedIndexInformer::hasSynced);
  }

  @Override
  public synchronized void close() {
    informers.forEach(SharedIndexInformer::stop);
    informers.clear();
  }

  private void refresh(ConfigMap changed) {
    String ns = changed.getMetadata().getNamespace();
    String name = changed.getMetadata().getName();
    String owner = ConfigMapMapping.owner(ns, name);
    Optional<ConfigMap> current = currentVersion(ns + "/" + name);
    if (current.isEmpty()) {
      store.replace(owner, List.of());
      return;
    }
    try {
      store.replace(owner, List.of(ConfigMapMapping.parse(current.get())));
    } catch (InvalidMappingException e) {
      problems.invalid("configmap", e.getMessage() + (store.has(owner) ? " (keeping its previous mappings)" : ""));
    }
  }

  private synchronized Optional<ConfigMap> currentVersion(String key) {
    return informers.stream().map(i -> i.getStore().getByKey(key)).filter(Objects::nonNull).findFirst();
  }

  private final class Handler implements ResourceEventHandler<ConfigMap> {
    @Override
    public void onAdd(ConfigMap configMap) {
      refresh(configMap);
    }

    @Override
    public void onUpdate(ConfigMap previous, ConfigMap configMap) {
      refresh(configMap);
    }

    @Override
    public void onDelete(ConfigMap configMap, boolean finalStateUnknown) {
      refresh(configMap);
    }
  }
}
