package dev.inferencegateway.epp.server;

import dev.inferencegateway.epp.core.config.ConfigLoader;
import dev.inferencegateway.epp.core.config.ConfigSource;
import dev.inferencegateway.epp.core.config.LoadedConfig;
import dev.inferencegateway.epp.core.config.LoaderOptions;
import dev.inferencegateway.epp.core.director.Director;
import dev.inferencegateway.epp.core.director.DirectorOptions;
import dev.inferencegateway.epp.core.director.RequestPipeline;
import dev.inferencegateway.epp.core.plugin.PluginEnvironment;
import dev.inferencegateway.epp.datastore.DatastoreOptions;
import dev.inferencegateway.epp.datastore.EndpointSource;
import dev.inferencegateway.epp.datastore.PoolDatastore;
import dev.inferencegateway.epp.datastore.collector.CollectorOptions;
import dev.inferencegateway.epp.datastore.collector.DataLayerSource;
import dev.inferencegateway.epp.datastore.collector.MetricsCollector;
import dev.inferencegateway.epp.server.cli.BuildInfo;
import dev.inferencegateway.epp.server.cli.EppOptions;
import dev.inferencegateway.epp.server.cli.ResolvedOptions;
import dev.inferencegateway.epp.server.handler.EppExchangeFactory;
import dev.inferencegateway.epp.server.handler.ExchangeServices;
import dev.inferencegateway.epp.server.handler.RequestIds;
import dev.inferencegateway.epp.server.metrics.EppMetrics;
import dev.inferencegateway.epp.server.metrics.PoolMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EPP process: the datastore and its metrics collection, the loaded configuration, the
 * director and ext_proc request path, and (once {@link #start()}ed) the servers around them.
 *
 * <p>Creating the server loads and validates the configuration without opening any port, so a bad
 * configuration stops startup before anything listens, and {@code --print-effective-config} can
 * print the result and exit.
 */
public final class EppServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EppServer.class);

  private final ResolvedOptions options;
  private final Optional<KubernetesClient> kubernetes;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService pluginExecutor;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final EppMetrics metrics;
  private final PoolDatastore datastore;
  private final LoadedConfig config;
  private final Director director;
  private final EppExchangeFactory exchanges;
  private MetricsCollector collector;
  private ServerRuntime runtime;

  private EppServer(ResolvedOptions options, EndpointSource source, Optional<KubernetesClient> kubernetes,
      Clock clock) {
    this.options = options;
    this.kubernetes = kubernetes;
    this.clock = clock;
    EppOptions o = options.options();
    ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(2,
        Thread.ofPlatform().daemon().name("epp-timer-", 0).factory());
    timers.setRemoveOnCancelPolicy(true);
    this.scheduler = timers;
    this.pluginExecutor = Executors.newVirtualThreadPerTaskExecutor();
    this.metrics = new EppMetrics(registry, BuildInfo.commit(), BuildInfo.version());
    this.datastore = new PoolDatastore(source, new DatastoreOptions(clock, o.metricsStalenessThreshold,
        o.refreshPrometheusMetricsInterval));
    Random random = new Random();
    PluginEnvironment environment = new PluginEnvironment(clock, System::nanoTime, random, scheduler, datastore,
        metrics);
    LoaderOptions loaderOptions = LoaderOptions.defaults().withAllowExperimentalPlugins(o.allowExperimentalPlugins);
    this.config = new ConfigLoader(BuiltinPlugins.registry(DataLayerFlags.plugins(o)), environment, loaderOptions)
        .load(configSource(o));
    this.director = new Director(datastore, RequestPipeline.from(config),
        new DirectorOptions(!o.disableEndpointSubsetFilter, DirectorOptions.DEFAULT_DATA_PRODUCER_BUDGET), metrics,
        random, System::nanoTime, scheduler);
    this.exchanges = new EppExchangeFactory(new ExchangeServices(director, metrics, metrics, System::nanoTime,
        RequestIds.from(random), pluginExecutor, (int) Math.min(Integer.MAX_VALUE, o.maxRequestBodyBytes)));
  }

  /**
   * Builds the server: loads the configuration and wires the request path; opens no port. The
   * server owns {@code kubernetes} and closes it at shutdown.
   *
   * @throws dev.inferencegateway.epp.core.config.ConfigException when the configuration is invalid
   */
  public static EppServer create(ResolvedOptions options, EndpointSource source, Optional<KubernetesClient> kubernetes,
      Clock clock) {
    return new EppServer(options, source, kubernetes, clock);
  }

  /** Returns the configuration source the flags name. */
  static ConfigSource configSource(EppOptions o) {
    if (o.configFile != null) {
      return ConfigSource.file(o.configFile);
    }
    if (o.configText != null) {
      return ConfigSource.text(o.configText);
    }
    return ConfigSource.builtInDefault();
  }

  /** Returns the effective configuration as YAML. */
  public String effectiveConfigYaml() {
    return config.effectiveYaml();
  }

  /** Starts the datastore, metrics collection and the servers. */
  public synchronized void start() throws java.io.IOException {
    EppOptions o = options.options();
    datastore.addPoolAggregatesListener(new PoolMetrics(registry));
    datastore.start();
    List<DataLayerSource> sources = config.dataSources().stream()
        .map(binding -> new DataLayerSource(binding.source(), binding.extractors())).toList();
    collector = MetricsCollector.start(datastore, sources, CollectorOptions.defaults()
        .withRefreshInterval(o.refreshMetricsInterval).withClock(clock));
    runtime = ServerRuntime.start(options, kubernetes, exchanges, datastore, config.parser(), registry, scheduler,
        clock);
    LOG.info("EPP started for {} {} in namespace {}: ext_proc on {}, health on {}, metrics on {}",
        options.mode().name().toLowerCase(java.util.Locale.ROOT), options.name(), options.namespace(),
        runtime.extProcPort(), runtime.healthPort(), runtime.metricsPort());
  }

  /** Returns the datastore. */
  public PoolDatastore datastore() {
    return datastore;
  }

  /** Returns the running servers, once started. */
  public ServerRuntime runtime() {
    return runtime;
  }

  /** Returns the metrics registry served on {@code /metrics}. */
  public PrometheusRegistry registry() {
    return registry;
  }

  /** Stops gracefully: NOT_SERVING, lease released, in-flight streams drained within the drain timeout, then everything closed. */
  public synchronized void shutdown() {
    if (runtime != null) {
      runtime.shutdown(options.options().drainTimeout);
      runtime = null;
    }
    if (collector != null) {
      collector.close();
      collector = null;
    }
    datastore.close();
    scheduler.shutdownNow();
    pluginExecutor.shutdownNow();
    kubernetes.ifPresent(KubernetesClient::close);
  }

  @Override
  public void close() {
    shutdown();
  }
}
