package dev.inferencegateway.bbr.config;

import dev.inferencegateway.bbr.plugin.BaseModelLookup;
import dev.inferencegateway.bbr.plugin.BbrPluginHandle;
import dev.inferencegateway.bbr.plugin.BbrRecorder;
import dev.inferencegateway.epp.core.datastore.FixedDatastore;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.plugin.EnvironmentPluginHandle;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.plugin.PluginEnvironment;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link BbrPluginHandle} of one BBR instance: injected time, randomness and executor, the
 * base-model mappings and the metrics recorder. BBR serves no pool, so its datastore is empty.
 */
public final class BbrHandle extends EnvironmentPluginHandle implements BbrPluginHandle {
  private static final Logger LOG = LoggerFactory.getLogger(BbrHandle.class);

  private final BaseModelLookup baseModels;
  private final BbrRecorder bbrMetrics;
  private boolean baseModelsUsed;

  /** Creates the handle. */
  public BbrHandle(Clock clock, LongSupplier nanoClock, RandomGenerator random,
      ScheduledExecutorService scheduler, BaseModelLookup baseModels, BbrRecorder bbrMetrics) {
    super(new PluginEnvironment(clock, nanoClock, random, scheduler, FixedDatastore.EMPTY, MetricsRecorder.NOOP));
    this.baseModels = Objects.requireNonNull(baseModels, "baseModels");
    this.bbrMetrics = Objects.requireNonNull(bbrMetrics, "bbrMetrics");
  }

  void add(Plugin plugin) {
    register(plugin);
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
  public void warn(String message) {
    LOG.warn(message);
  }
}
