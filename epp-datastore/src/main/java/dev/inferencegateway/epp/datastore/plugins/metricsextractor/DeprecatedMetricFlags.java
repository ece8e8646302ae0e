package dev.inferencegateway.epp.datastore.plugins.metricsextractor;

import java.util.ArrayList;
import java.util.List;

/**
 * The deprecated metric-name flags ({@code --total-queued-requests-metric} and friends). Upstream
 * rejects them while its own chart still passes them; here (decision 6) the ones given replace the
 * matching specs of the default engine of every {@code core-metrics-extractor}, with one warning.
 *
 * <p>A null field means the flag was not given; an empty value disables that metric.
 *
 * @param totalQueuedRequestsMetric {@code --total-queued-requests-metric}
 * @param totalRunningRequestsMetric {@code --total-running-requests-metric}
 * @param kvCacheUsagePercentageMetric {@code --kv-cache-usage-percentage-metric}
 * @param loraInfoMetric {@code --lora-info-metric}
 * @param cacheInfoMetric {@code --cache-info-metric}
 * @throws IllegalArgumentException naming the flag when a value is not a valid metric spec
 */
public record DeprecatedMetricFlags(String totalQueuedRequestsMetric, String totalRunningRequestsMetric,
    String kvCacheUsagePercentageMetric, String loraInfoMetric, String cacheInfoMetric) {
  /** No deprecated flag given. */
  public static final DeprecatedMetricFlags NONE = new DeprecatedMetricFlags(null, null, null, null, null);

  public DeprecatedMetricFlags {
    check("--total-queued-requests-metric", totalQueuedRequestsMetric);
    check("--total-running-requests-metric", totalRunningRequestsMetric);
    check("--kv-cache-usage-percentage-metric", kvCacheUsagePercentageMetric);
    check("--lora-info-metric", loraInfoMetric);
    check("--cache-info-metric", cacheInfoMetric);
  }

  /** Returns true when no flag was given. */
  public boolean isEmpty() {
    return givenFlags().isEmpty();
  }

  /** Returns the names of the flags given, e.g. {@code --lora-info-metric}. */
  public List<String> givenFlags() {
    List<String> out = new ArrayList<>();
    add(out, "--total-queued-requests-metric", totalQueuedRequestsMetric);
    add(out, "--total-running-requests-metric", totalRunningRequestsMetric);
    add(out, "--kv-cache-usage-percentage-metric", kvCacheUsagePercentageMetric);
    add(out, "--lora-info-metric", loraInfoMetric);
    add(out, "--cache-info-metric", cacheInfoMetric);
    return out;
  }

  /** Returns {@code engine} with the given flags' values in place of its specs. */
  public EngineConfig applyTo(EngineConfig engine) {
    return new EngineConfig(engine.name(),
        or(totalQueuedRequestsMetric, engine.queuedRequestsSpec()),
        or(totalRunningRequestsMetric, engine.runningRequestsSpec()),
        or(kvCacheUsagePercentageMetric, engine.kvUsageSpec()),
        or(loraInfoMetric, engine.loraSpec()),
        or(cacheInfoMetric, engine.cacheInfoSpec()),
        engine.cacheBlockSizeLabelName(), engine.cacheNumBlocksLabelName(),
        engine.cacheBlockSizeSpec(), engine.cacheNumBlocksSpec());
  }

  /** Returns the warning to log once when flags were given. */
  public String warning(String defaultEngine) {
    return "deprecated flag(s) " + String.join(", ", givenFlags()) + " applied to the metric specs of engine '"
        + defaultEngine + "' of core-metrics-extractor; configure engineConfigs in the EndpointPickerConfig instead";
  }

  private static String or(String flag, String spec) {
    return flag != null ? flag : spec;
  }

  private static void add(List<String> out, String flag, String value) {
    if (value != null) {
      out.add(flag);
    }
  }

  private static void check(String flag, String value) {
    if (value != null) {
      try {
        MetricSpec.parse(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
      }
    }
  }
}
