package dev.inferencegateway.bbr.embed;

import dev.inferencegateway.bbr.config.BbrHandle;
import dev.inferencegateway.bbr.config.BbrPluginChain;
import dev.inferencegateway.bbr.config.PluginSpec;
import dev.inferencegateway.bbr.exchange.BodyBasedRouter;
import dev.inferencegateway.bbr.mapping.BaseModelMappings;
import dev.inferencegateway.bbr.mapping.ConfigMapMappingSource;
import dev.inferencegateway.bbr.mapping.MappingProblems;
import dev.inferencegateway.bbr.mapping.StaticMappingFile;
import dev.inferencegateway.bbr.metrics.BbrMetrics;
import dev.inferencegateway.bbr.plugin.BaseModelLookup;
import dev.inferencegateway.extproc.ExchangeHandlerFactory;
import dev.inferencegateway.extproc.server.BuildInfo;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Body-Based Router: its plugin chain, its base-model mapping source and its metrics,
 * ready to serve as the first stage of an {@link dev.inferencegateway.extproc.ExchangeChain} (the
 * co-packaged mode) or as the whole handler of the standalone BBR server.
 *
 * <pre>{@code
 * BbrStage bbr = BbrStage.builder()
 *     .plugins(List.of())                                  // the default chain
 *     .configMaps(kubernetesClient, Optional.of(namespace)) // or .staticMappings(path)
 *     .metrics(prometheusRegistry)
 *     .start();
 * ExchangeHandlerFactory handlers = ExchangeChain.of(List.of(bbr.handlers(), eppHandlers));
 * ...
 * bbr.close();
 * }</pre>
 *
 * <p>In the chain, the headers BBR sets ({@code X-Gateway-Model-Name},
 * {@code X-Gateway-Base-Model-Name}) are visible to the later stages and returned to the gateway
 * with theirs; the body is accumulated once by the engine and handed on as the same bytes unless a
 * plugin changed it.
 */
public final class BbrStage implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BbrStage.class);

  private final BodyBasedRouter router;
  private final BaseModelMappings mappings;
  private final ConfigMapMappingSource configMaps;
  private final StaticMappingFile file;
  private final CompletableFuture<Void> ready;
  private final ScheduledExecutorService ownedScheduler;

  BbrStage(BodyBasedRouter router, BaseModelMappings mappings, ConfigMapMappingSource configMaps,
      StaticMappingFile file, CompletableFuture<Void> ready, ScheduledExecutorService ownedScheduler) {
    this.router = router;
    this.mappings = mappings;
    this.configMaps = configMaps;
    this.file = file;
    this.ready = ready;
    this.ownedScheduler = ownedScheduler;
  }

  /** Starts describing a stage. */
  public static BbrStageBuilder builder() {
    return new BbrStageBuilder();
  }

  /** Returns the factory of per-stream BBR handlers. */
  public ExchangeHandlerFactory handlers() {
    return router;
  }

  /** Returns the configured plugin chain. */
  public BbrPluginChain chain() {
    return router.chain();
  }

  /** Returns the current base-model mappings. */
  public BaseModelLookup baseModels() {
    return mappings;
  }

  /** Returns a future completed once the mapping source has loaded (at once when none is used). */
  public CompletableFuture<Void> ready() {
    return ready;
  }

  /** Returns true once the mapping source has loaded; readiness should wait for it. */
  public boolean isReady() {
    return ready.isDone() && !ready.isCompletedExceptionally();
  }

  /** Stops watching ConfigMaps or the mapping file. */
  @Override
  public void close() {
    if (configMaps != null) {
      configMaps.close();
    }
    if (file != null) {
      file.close();
    }
    if (ownedScheduler != null) {
      ownedScheduler.shutdownNow();
    }
    LOG.debug("BBR stage closed");
  }

  static BbrStage start(BbrStageBuilder b) {
    BbrMetrics metrics = new BbrMetrics(b.registry, BuildInfo.load());
    MappingProblems problems = new MappingProblems(metrics);
    BaseModelMappings mappings = new BaseModelMappings(problems);
    ScheduledExecutorService owned = b.scheduler == null ? BbrStageBuilder.daemonScheduler() : null;
    ScheduledExecutorService scheduler = owned != null ? owned : b.scheduler;
    BbrHandle handle = new BbrHandle(b.clock, b.nanoClock, b.random, scheduler, mappings, metrics);
    BbrPluginChain chain;
    try {
      chain = BbrPluginChain.build(b.plugins.stream().map(PluginSpec::parse).toList(), b.pluginRegistry, handle);
    } catch (RuntimeException e) {
      if (owned != null) {
        owned.shutdownNow();
      }
      throw e;
    }
    BodyBasedRouter router = new BodyBasedRouter(chain, metrics, b.nanoClock, b.validateWholeBody);
    StaticMappingFile file = null;
    ConfigMapMappingSource configMaps = null;
    CompletableFuture<Void> ready = CompletableFuture.completedFuture(null);
    if (handle.baseModelsUsed()) {
      try {
        if (b.mappingFile != null) {
          file = new StaticMappingFile(b.mappingFile, mappings, problems);
          file.start(scheduler, b.mappingFileInterval);
        }
        if (b.kubernetes != null) {
          configMaps = new ConfigMapMappingSource(b.kubernetes, b.namespace, mappings, problems);
          ready = configMaps.start();
        }
      } catch (RuntimeException e) {
        new BbrStage(router, mappings, configMaps, file, ready, owned).close();
        throw e;
      }
      if (file == null && configMaps == null) {
        LOG.warn("no base-model mapping source is configured: every model maps to an empty base model");
      }
    }
    LOG.info("BBR plugins: request {}, response {}", names(chain.requestProcessors()), names(chain.responseProcessors()));
    return new BbrStage(router, mappings, configMaps, file, ready, owned);
  }

  private static String names(java.util.List<? extends dev.inferencegateway.epp.core.plugin.Plugin> plugins) {
    return plugins.stream().map(p -> p.typedName().toString()).toList().toString();
  }
}
