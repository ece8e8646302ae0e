package dev.inferencegateway.bbr.metrics;

import dev.inferencegateway.bbr.plugin.BbrRecorder;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.extproc.server.BuildInfo;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The BBR metrics, registered on one {@link PrometheusRegistry}:
 * {@code bbr_success_total}, {@code bbr_body_field_not_found_total{field}},
 * {@code bbr_body_field_empty_total{field}},
 * {@code bbr_plugin_duration_seconds{extension_point,plugin_type,plugin_name}} and
 * {@code bbr_info{commit,build_ref}} as upstream, plus this project's
 * {@code bbr_base_model_mapping_errors_total{source}} and {@code bbr_base_model_mapping_conflicts}.
 */
public final class BbrMetrics implements BbrRecorder {
  /** The {@code extension_point} label of request processors. */
  public static final String REQUEST = "request";
  /** The {@code extension_point} label of response processors. */
  public static final String RESPONSE = "response";

  private static final double[] DURATION_BUCKETS = {
      0.00001, 0.000025, 0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1};

  private final Counter success;
  private final Counter fieldNotFound;
  private final Counter fieldEmpty;
  private final Histogram pluginDuration;
  private final Counter mappingErrors;
  private final Gauge mappingConflicts;

  /** Registers the metrics on {@code registry}, with {@code bbr_info} from {@code build}. */
  public BbrMetrics(PrometheusRegistry registry, BuildInfo build) {
    success = Counter.builder().name("bbr_success_total")
        .help("Count of requests whose body fields were copied into headers by every request plugin.")
        .register(registry);
    fieldNotFound = Counter.builder().name("bbr_body_field_not_found_total")
        .help("Count of requests whose body lacks the field a plugin reads.")
        .labelNames("field").register(registry);
    fieldEmpty = Counter.builder().name("bbr_body_field_empty_total")
        .help("Count of requests whose body field read by a plugin is null or empty.")
        .labelNames("field").register(registry);
    pluginDuration = Histogram.builder().name("bbr_plugin_duration_seconds")
        .help("Time a BBR plugin takes at one extension point, in seconds.")
        .labelNames("extension_point", "plugin_type", "plugin_name")
        .classicOnly().classicUpperBounds(DURATION_BUCKETS).register(registry);
    mappingErrors = Counter.builder().name("bbr_base_model_mapping_errors_total")
        .help("Count of base-model mappings rejected as invalid (a bad ConfigMap or mapping file), by source.")
        .labelNames("source").register(registry);
    mappingConflicts = Gauge.builder().name("bbr_base_model_mapping_conflicts")
        .help("Number of model names currently mapped to more than one base model (the oldest mapping wins).")
        .register(registry);
    Gauge info = Gauge.builder().name("bbr_info")
        .help("General information about the Body-Based Router build.")
        .labelNames("commit", "build_ref").register(registry);
    info.labelValues(build.commit(), build.buildRef()).set(1);
    success.initLabelValues();
  }

  /** Counts one request processed by the whole chain. */
  public void success() {
    success.inc();
  }

  /** Records how long {@code plugin} took at {@code extensionPoint}. */
  public void pluginDuration(String extensionPoint, TypedName plugin, long nanos) {
    pluginDuration.labelValues(extensionPoint, plugin.type(), plugin.name()).observe(nanos / 1e9);
  }

  @Override
  public void bodyFieldNotFound(String field) {
    fieldNotFound.labelValues(field).inc();
  }

  @Override
  public void bodyFieldEmpty(String field) {
    fieldEmpty.labelValues(field).inc();
  }

  /** Counts one invalid mapping from {@code source} ({@code configmap} or {@code file}). */
  public void mappingError(String source) {
    mappingErrors.labelValues(source).inc();
  }

  /** Sets the number of model names currently in conflict. */
  public void mappingConflicts(int names) {
    mappingConflicts.set(names);
  }
}
