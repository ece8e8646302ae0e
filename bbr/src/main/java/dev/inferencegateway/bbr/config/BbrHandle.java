package dev.inferencegateway.bbr.config;

import dev.inferencegateway.bbr.plugin.BaseModelLookup;
import dev.inferencegateway.bbr.plugin.BbrPluginHandle;
import dev.inferencegateway.bbr.plugin.BbrRecorder;
import dev.inferencegateway.epp.core.datastore.Datastore;
import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.datastore.ModelRewrite;
import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.core.datastore.PoolInfo;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.plugin.Plugin;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link BbrPluginHandle} of one BBR instance: injected time, randomness and executor, the
 * base-model mappings and the metrics recorder. BBR serves no pool, so its datastore is empty.
 */
public final class BbrHandle implements BbrPluginHandle {
  private static final Logger LOG = LoggerFactory.getLogger(BbrHandle.class);

  private final Clock clock;
  private final LongSupplier nanoClock;
  private final RandomGenerator random;
  private final ScheduledExecutorService scheduler;
  private final BaseModelLookup baseModels;
  private final BbrRecorder bbrMetrics;
  private final Map<String, Plugin> plugins = new LinkedHashMap<>();
  private boolean baseModelsUsed;

  /** Creates the handle. */
  public BbrHandle(Clock clock, LongSupplier nanoClock, RandomGenerator random,
      ScheduledExecutorService scheduler, BaseModelLookup baseModels, BbrRecorder bbrMetrics) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.random = Objects.requireNonNull(random, "random");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.baseModels = Objects.requireNonNull(baseModels, "baseModels");
    this.bbrMetrics = Objects.requireNonNull(bbrMetrics, "bbrMetrics");
  }

  void add(Plugin plugin) {
    plugins.put(plugin.typedName().name(), plugin);
  }

  @Override
  public BaseModelLookup baseModels() {
    baseModelsUsed = true;
    return baseModels;
  }

  /** Returns true when a plugin factory took the base-model mappings, so a mapping source is needed. */
  public boolean baseModelsUsed() {
    return baseModelsUsed;
  }

  @Override
  public BbrRecorder bbrMetrics() {
    return bbrMetrics;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public LongSupplier nanoClock() {
    return nanoClock;
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  @Override
  public Datastore datastore() {
    return NoPool.INSTANCE;
  }

  @Override
  public MetricsRecorder metrics() {
    return MetricsRecorder.NOOP;
  }

  @Override
  public Optional<Plugin> plugin(String name) {
    return Optional.ofNullable(plugins.get(name));
  }

  @Override
  public <T> List<T> pluginsOf(Class<T> role) {
    return plugins.values().stream().filter(role::isInstance).map(role::cast).toList();
  }

  @Override
  public void warn(String message) {
    LOG.warn(message);
  }

  private enum NoPool implements Datastore {
    INSTANCE;

    @Override
    public boolean hasSynced() {
      return true;
    }

    @Override
    public Optional<PoolInfo> pool() {
      return Optional.empty();
    }

    @Override
    public List<EndpointSnapshot> endpoints() {
      return List.of();
    }

    @Override
    public Optional<Objective> objective(String name) {
      return Optional.empty();
    }

    @Override
    public Optional<ModelRewrite> modelRewrite(String model) {
      return Optional.empty();
    }
  }
}
