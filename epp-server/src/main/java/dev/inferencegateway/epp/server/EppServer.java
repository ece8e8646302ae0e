package dev.inferencegateway.epp.server;

import dev.inferencegateway.bbr.embed.BbrStage;
import dev.inferencegateway.bbr.embed.BbrStageBuilder;
import dev.inferencegateway.epp.core.config.ConfigLoader;
import dev.inferencegateway.epp.core.config.ConfigSource;
import dev.inferencegateway.epp.core.config.LoadedConfig;
import dev.inferencegateway.epp.core.config.LoaderOptions;
import dev.inferencegateway.epp.core.director.Director;
import dev.inferencegateway.epp.core.director.DirectorOptions;
import dev.inferencegateway.epp.core.director.RequestPipeline;
import dev.inferencegateway.epp.core.datastore.Datastore;
import dev.inferencegateway.epp.core.datastore.PoolInfo;
import dev.inferencegateway.epp.core.parser.Parser;
import dev.inferencegateway.epp.core.plugin.PluginEnvironment;
import dev.inferencegateway.epp.datastore.DatastoreOptions;
import dev.inferencegateway.epp.datastore.EndpointSource;
import dev.inferencegateway.epp.datastore.PoolDatastore;
import dev.inferencegateway.epp.datastore.collector.CollectorOptions;
import dev.inferencegateway.epp.datastore.collector.DataLayerSource;
import dev.inferencegateway.epp.datastore.collector.MetricsCollector;
import dev.inferencegateway.epp.server.cli.EppOptions;
import dev.inferencegateway.epp.server.cli.ResolvedOptions;
import dev.inferencegateway.epp.server.handler.EppExchangeFactory;
import dev.inferencegateway.epp.server.handler.ExchangeServices;
import dev.inferencegateway.epp.server.handler.RequestIds;
import dev.inferencegateway.epp.server.metrics.EppMetrics;
import dev.inferencegateway.epp.server.metrics.PoolMetrics;
import dev.inferencegateway.extproc.ExchangeChain;
import dev.inferencegateway.extproc.ExchangeHandlerFactory;
import dev.inferencegateway.extproc.server.BuildInfo;
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
  private final ExchangeHandlerFactory exchanges;
  private final Optional<BbrStage> bbr;
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
    BuildInfo build = BuildInfo.load();
    this.metrics = new EppMetrics(registry, build.commit(), build.buildRef());
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
    EppExchangeFactory epp = new EppExchangeFactory(new ExchangeServices(director, metrics, metrics, System::nanoTime,
        RequestIds.from(random), pluginExecutor, (int) Math.min(Integer.MAX_VALUE, o.maxRequestBodyBytes)));
    this.bbr = o.enableBbr ? Optional.of(startBbr(o, options.namespace(), kubernetes, clock, random)) : Optional.empty();
    this.exchanges = bbr.<ExchangeHandlerFactory>map(stage -> ExchangeChain.of(List.of(stage.handlers(), epp)))
        .orElse(epp);
  }

  private BbrStage startBbr(EppOptions o, String namespace, Optional<KubernetesClient> client, Clock time,
      Random random) {
    BbrStageBuilder builder = BbrStage.builder().plugins(o.bbrPlugins).metrics(registry).validateWholeBody(false)
        .time(time, System::nanoTime, random).scheduler(scheduler);
    if (o.bbrBaseModelFile != null) {
      builder.staticMappings(o.bbrBaseModelFile);
    } else {
      builder.configMaps(client.orElseThrow(() -> new IllegalStateException(
          "--enable-bbr without --bbr-base-model-file watches ConfigMaps and needs Kubernetes")), Optional.of(namespace));
    }
    LOG.info("Co-packaged Body-Based Router enabled: base models from {}", o.bbrBaseModelFile != null
        ? o.bbrBaseModelFile : "ConfigMaps in namespace " + namespace);
    return builder.start();
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
    runtime = ServerRuntime.start(options, kubernetes, exchanges, () -> ready(datastore, config.parser())
        && bbr.map(BbrStage::isReady).orElse(true), registry, scheduler, clock);
    LOG.info("EPP started for {} {} in namespace {}: ext_proc on {}, health on {}, metrics on {}",
        options.mode().name().toLowerCase(java.util.Locale.ROOT), options.name(), options.namespace(),
        runtime.extProcPort(), runtime.healthPort(), runtime.metricsPort());
  }

  private static boolean ready(Datastore datastore, Parser parser) {
    return datastore.hasSynced()
        && datastore.pool().map(PoolInfo::appProtocol).map(parser::supportsAppProtocol).orElse(true);
  }

  /** Returns the co-packaged Body-Based Router stage, when enabled. */
  public Optional<BbrStage> bbr() {
    return bbr;
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
    bbr.ifPresent(BbrStage::close);
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
