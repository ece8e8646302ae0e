package dev.inferencegateway.epp.plugins.filter.utilization;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.PluginHandle;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.requestcontrol.SaturationDetector;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.Filter;
import dev.inferencegateway.epp.plugins.NamedPlugin;
import dev.inferencegateway.epp.plugins.ParameterChecks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code utilization-detector}: queue and KV-cache thresholds as saturation and as a filter. */
public final class UtilizationDetector extends NamedPlugin implements Filter, SaturationDetector {
  /** The registered type name. */
  public static final String TYPE = "utilization-detector";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<Parameters> DESCRIPTOR = PluginDescriptor.builder(
      TYPE, Parameters.class, UtilizationDetector::create).build();

  /**
   * The parameters of {@code utilization-detector}.
   *
   * @param queueDepthThreshold waiting requests at which an endpoint is full (default 5)
   * @param kvCacheUtilThreshold KV-cache use at which an endpoint is full (default 0.8)
   * @param metricsStalenessThreshold metrics older than this are stale (default 200ms)
   * @param headroom extra fraction above the thresholds the filter still accepts (default 0)
   */
  public record Parameters(Integer queueDepthThreshold, Double kvCacheUtilThreshold,
      Duration metricsStalenessThreshold, Double headroom) {
    public Parameters {
      queueDepthThreshold = ParameterChecks.positive("queueDepthThreshold", queueDepthThreshold, 5);
      if (kvCacheUtilThreshold == null) {
        kvCacheUtilThreshold = 0.8;
      } else if (!(kvCacheUtilThreshold > 0 && kvCacheUtilThreshold <= 1.0)) {
        throw new IllegalArgumentException("'kvCacheUtilThreshold' must be in (0, 1], got " + kvCacheUtilThreshold);
      }
      if (metricsStalenessThreshold == null) {
        metricsStalenessThreshold = Duration.ofMillis(200);
      } else if (metricsStalenessThreshold.isNegative() || metricsStalenessThreshold.isZero()) {
        throw new IllegalArgumentException("'metricsStalenessThreshold' must be > 0, got " + metricsStalenessThreshold);
      }
      headroom = ParameterChecks.nonNegative("headroom", headroom, 0.0);
    }
  }

  private final Parameters parameters;
  private final Clock clock;
  private final double queueLimit;
  private final double kvLimit;

  /** Creates the detector judging staleness with {@code clock}. */
  public UtilizationDetector(String name, Parameters parameters, Clock clock) {
    super(TYPE, name);
    this.parameters = parameters;
    this.clock = clock;
    this.queueLimit = parameters.queueDepthThreshold() * (1 + parameters.headroom());
    this.kvLimit = parameters.kvCacheUtilThreshold() * (1 + parameters.headroom());
  }

  private static UtilizationDetector create(String name, Parameters parameters, PluginHandle handle) {
    if (parameters.headroom() > 1.0) {
      handle.warn("plugin '" + name + "' (type: " + TYPE + "): 'headroom' " + parameters.headroom()
          + " lets endpoints run above twice their thresholds");
    }
    return new UtilizationDetector(name, parameters, handle.clock());
  }

  @Override
  public double saturation(List<Endpoint> candidates) {
    if (candidates.isEmpty()) {
      return 1.0;
    }
    Instant now = clock.instant();
    double sum = 0;
    for (Endpoint candidate : candidates) {
      ModelServerMetrics m = candidate.metrics();
      sum += stale(m, now) ? 1.0 : Math.max(
          m.waitingQueueSize() / (double) parameters.queueDepthThreshold(),
          m.kvCacheUsage() / parameters.kvCacheUtilThreshold());
    }
    return sum / candidates.size();
  }

  @Override
  public List<Endpoint> filter(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
    Instant now = clock.instant();
    List<Endpoint> kept = new ArrayList<>(candidates.size());
    for (Endpoint candidate : candidates) {
      ModelServerMetrics m = candidate.metrics();
      if (!stale(m, now) && m.waitingQueueSize() < queueLimit && m.kvCacheUsage() < kvLimit) {
        kept.add(candidate);
      }
    }
    return kept.isEmpty() || kept.size() == candidates.size() ? candidates : kept;
  }

  private boolean stale(ModelServerMetrics metrics, Instant now) {
    return metrics.isStale(now, parameters.metricsStalenessThreshold());
  }
}
