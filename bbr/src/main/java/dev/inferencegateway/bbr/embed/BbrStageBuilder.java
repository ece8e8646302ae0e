package dev.inferencegateway.bbr.embed;

import dev.inferencegateway.bbr.plugins.BbrPlugins;
import dev.inferencegateway.epp.core.plugin.PluginRegistry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/** Describes a {@link BbrStage}: plugins, mapping source, metrics registry and injected services. */
public final class BbrStageBuilder {
  /** How often the static mapping file is checked for changes by default. */
  public static final Duration DEFAULT_FILE_CHECK_INTERVAL = Duration.ofSeconds(2);

  List<String> plugins = List.of();
  PluginRegistry pluginRegistry = PluginRegistry.of(new BbrPlugins().descriptors());
  KubernetesClient kubernetes;
  Optional<String> namespace = Optional.empty();
  Path mappingFile;
  Duration mappingFileInterval = DEFAULT_FILE_CHECK_INTERVAL;
  PrometheusRegistry registry = PrometheusRegistry.defaultRegistry;
  boolean validateWholeBody = true;
  Clock clock = Clock.systemUTC();
  LongSupplier nanoClock = System::nanoTime;
  RandomGenerator random = RandomGenerator.getDefault();
  ScheduledExecutorService scheduler;

  BbrStageBuilder() {}

  /**
   * Sets the plugin chain as {@code --plugin} values ({@code <type>:<name>[:<json>]}); an empty list
   * (the default) selects the default chain: {@code model} into {@code X-Gateway-Model-Name}, then
   * the base model into {@code X-Gateway-Base-Model-Name}.
   */
  public BbrStageBuilder plugins(List<String> specs) {
    this.plugins = List.copyOf(specs);
    return this;
  }

  /** Replaces the plugin registry (the built-in BBR plugins by default), e.g. to add out-of-tree plugins. */
  public BbrStageBuilder pluginRegistry(PluginRegistry registry) {
    this.pluginRegistry = Objects.requireNonNull(registry, "registry");
    return this;
  }

  /**
   * Reads base-model mappings from labelled ConfigMaps through {@code client}.
   *
   * @param namespace the namespace to watch (usually the {@code NAMESPACE} environment variable);
   *     empty for all namespaces
   */
  public BbrStageBuilder configMaps(KubernetesClient client, Optional<String> namespace) {
    this.kubernetes = Objects.requireNonNull(client, "client");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    return this;
  }

  /** Reads base-model mappings from a static YAML file, re-read when it changes. */
  public BbrStageBuilder staticMappings(Path file) {
    this.mappingFile = Objects.requireNonNull(file, "file");
    return this;
  }

  /** Sets how often the static mapping file is checked for changes. */
  public BbrStageBuilder staticMappingsCheckInterval(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the mapping file check interval must be positive");
    }
    this.mappingFileInterval = interval;
    return this;
  }

  /** Sets the registry the {@code bbr_*} metrics are registered on (the default registry by default). */
  public BbrStageBuilder metrics(PrometheusRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    return this;
  }

  /**
   * Whether BBR validates the whole body (true by default). Set it to false only when a later stage
   * parses and validates the whole body anyway (the co-packaged EPP does): BBR then stops reading at
   * the last field its plugins need, so the body is fully parsed once. A body that does not start as
   * a JSON object is still refused by BBR with 400.
   */
  public BbrStageBuilder validateWholeBody(boolean validate) {
    this.validateWholeBody = validate;
    return this;
  }

  /** Injects the clocks and random source handed to plugins. */
  public BbrStageBuilder time(Clock clock, LongSupplier nanoClock, RandomGenerator random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.random = Objects.requireNonNull(random, "random");
    return this;
  }

  /** Injects the executor for background work (file checks); the stage makes its own otherwise. */
  public BbrStageBuilder scheduler(ScheduledExecutorService scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  /**
   * Builds the plugin chain and starts the mapping source.
   *
   * @throws IllegalArgumentException for an invalid {@code --plugin} value (naming the plugin) or an
   *     invalid mapping file (naming the file, entry and field)
   */
  public BbrStage start() {
    return BbrStage.start(this);
  }

  static ScheduledExecutorService daemonScheduler() {
    return Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "bbr-mappings");
      thread.setDaemon(true);
      return thread;
    });
  }
}
