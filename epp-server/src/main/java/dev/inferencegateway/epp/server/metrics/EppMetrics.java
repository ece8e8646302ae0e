package dev.inferencegateway.epp.server.metrics;

import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.request.Usage;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Optional;

/**
 * The EPP's own Prometheus metrics with upstream's names, labels, {@code [ALPHA]} help texts and
 * bucket layouts ({@code inference_objective_*}, {@code inference_pool_*},
 * {@code inference_extension_*}), fed through {@link MetricsRecorder} and {@link RequestMetrics}.
 */
public final class EppMetrics implements MetricsRecorder, RequestMetrics {
  private static final double[] LATENCY = {0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 1.25, 1.5, 2, 3, 4,
      5, 6, 8, 10, 15, 20, 30, 45, 60, 120, 180, 240, 300, 360, 480, 600, 900, 1200, 1800, 2700, 3600};
  private static final double[] REQUEST_BYTES = {64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536,
      131072, 262144, 524288, 1048576, 2097152, 4194304, 8388608, 16777216, 33554432, 67108864, 134217728,
      268435456, 536870912, 1073741824};
  private static final double[] RESPONSE_BYTES = {1, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384,
      32778, 65536};
  private static final double[] INPUT_TOKENS = {1, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384,
      32778, 65536, 131072, 262144, 524288, 1048576};
  private static final double[] OUTPUT_TOKENS = {1, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192};
  private static final double[] NTPOT = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0};
  private static final double[] SCHEDULING = {0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1};
  private static final double[] HIT_RATIO = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
  private static final double[] HIT_BYTES = {0, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536};
  private static final String[] MODEL = {"model_name", "target_model_name"};

  private final PrometheusRegistry registry;
  private final Counter requests;
  private final Counter requestErrors;
  private final Histogram requestDuration;
  private final Histogram requestSizes;
  private final Histogram responseSizes;
  private final Histogram inputTokens;
  private final Histogram outputTokens;
  private final Histogram cachedTokens;
  private final Gauge runningRequests;
  private final Histogram normalizedTimePerOutputToken;
  private final Histogram schedulerE2e;
  private final Counter schedulerAttempts;
  private final Histogram pluginDuration;
  private final Gauge prefixIndexerSize;
  private final Histogram prefixHitRatio;
  private final Histogram prefixHitBytes;
  private final Counter modelRewrites;

  /** Registers every metric family in {@code registry} and records the build information. */
  public EppMetrics(PrometheusRegistry registry, String commit, String buildRef) {
    this.registry = registry;
    requests = counter("inference_objective_request_total",
        "Counter of inference objective requests broken out for each model and target model.",
        "model_name", "target_model_name", "priority");
    requestErrors = counter("inference_objective_request_error_total",
        "Counter of inference objective requests errors broken out for each model and target model.",
        "model_name", "target_model_name", "error_code");
    requestDuration = histogram("inference_objective_request_duration_seconds",
        "Inference objective response latency distribution in seconds for each model and target model.", LATENCY, MODEL);
    requestSizes = histogram("inference_objective_request_sizes",
        "Inference objective requests size distribution in bytes for each model and target model.", REQUEST_BYTES, MODEL);
    responseSizes = histogram("inference_objective_response_sizes",
        "Inference objective responses size distribution in bytes for each model and target model.", RESPONSE_BYTES,
        MODEL);
    inputTokens = histogram("inference_objective_input_tokens",
        "Inference objective input token count distribution for requests in each model.", INPUT_TOKENS, MODEL);
    outputTokens = histogram("inference_objective_output_tokens",
        "Inference objective output token count distribution for requests in each model.", OUTPUT_TOKENS, MODEL);
    cachedTokens = histogram("inference_objective_prompt_cached_tokens",
        "Inference objective prompt cached token count distribution for requests in each model.", INPUT_TOKENS, MODEL);
    runningRequests = gauge("inference_objective_running_requests",
        "Inference objective number of running requests in each model.", "model_name");
    normalizedTimePerOutputToken = histogram("inference_objective_normalized_time_per_output_token_seconds",
        "Inference objective latency divided by number of output tokens in seconds for each model and target model.",
        NTPOT, MODEL);
    schedulerE2e = histogram("inference_extension_scheduler_e2e_duration_seconds",
        "End-to-end scheduling latency distribution in seconds.", SCHEDULING);
    schedulerAttempts = counter("inference_extension_scheduler_attempts_total", "Total number of scheduling attempts.",
        "status", "target_model_name", "pod_name", "namespace", "port");
    pluginDuration = histogram("inference_extension_plugin_duration_seconds",
        "Plugin processing latency distribution in seconds for each extension point, plugin type and plugin name.",
        SCHEDULING, "extension_point", "plugin_type", "plugin_name");
    prefixIndexerSize = gauge("inference_extension_prefix_indexer_size", "Size of the prefix indexer.");
    prefixHitRatio = histogram("inference_extension_prefix_indexer_hit_ratio",
        "Ratio of prefix length matched to total prefix length in the cache lookup.", HIT_RATIO);
    prefixHitBytes = histogram("inference_extension_prefix_indexer_hit_bytes",
        "Length of the prefix match in number of bytes in the cache lookup.", HIT_BYTES);
    modelRewrites = counter("inference_extension_model_rewrite_decisions_total",
        "Total number of inference model rewrite decisions.", "model_rewrite_name", "model_name", "target_model");
    Info.builder().name("inference_extension_info").help(alpha("General information of the current build of Inference Extension."))
        .labelNames("commit", "build_ref").register(registry).addLabelValues(commit, buildRef);
  }

  /** Returns the registry the metrics are registered in. */
  public PrometheusRegistry registry() {
    return registry;
  }

  /** Returns upstream's help text with its stability prefix. */
  static String alpha(String help) {
    return "[ALPHA] " + help;
  }

  @Override
  public void pluginDuration(String extensionPoint, TypedName plugin, long nanos) {
    pluginDuration.labelValues(extensionPoint, plugin.type(), plugin.name()).observe(seconds(nanos));
  }

  @Override
  public void schedulerE2eDuration(long nanos) {
    schedulerE2e.observe(seconds(nanos));
  }

  @Override
  public void schedulerAttempt(boolean success, String targetModel, EndpointMetadata endpoint) {
    if (endpoint == null) {
      schedulerAttempts.labelValues(success ? "success" : "failure", targetModel, "", "", "").inc();
    } else {
      schedulerAttempts.labelValues(success ? "success" : "failure", targetModel, endpoint.podName(),
          endpoint.namespace(), Integer.toString(endpoint.port())).inc();
    }
  }

  @Override
  public void prefixIndexerSize(long entries) {
    prefixIndexerSize.set(entries);
  }

  @Override
  public void prefixIndexerHit(double hitRatio, long hitBytes) {
    prefixHitRatio.observe(hitRatio);
    prefixHitBytes.observe(hitBytes);
  }

  @Override
  public void modelRewriteDecision(String rewriteName, String modelName, String targetModel) {
    modelRewrites.labelValues(rewriteName, modelName, targetModel).inc();
  }

  @Override
  public void requestRouted(String model, String targetModel, int priority, long requestBytes) {
    requests.labelValues(model, targetModel, Integer.toString(priority)).inc();
    requestSizes.labelValues(model, targetModel).observe(requestBytes);
  }

  @Override
  public void running(String model, int delta) {
    if (!model.isEmpty()) {
      runningRequests.labelValues(model).inc(delta);
    }
  }

  @Override
  public void requestFailed(String model, String targetModel, String errorCode) {
    requestErrors.labelValues(model, targetModel, errorCode).inc();
  }

  @Override
  public void responseCompleted(String model, String targetModel, long latencyNanos, long responseBytes,
      Optional<Usage> usage) {
    double latency = seconds(latencyNanos);
    if (latency > 0) {
      requestDuration.labelValues(model, targetModel).observe(latency);
    }
    responseSizes.labelValues(model, targetModel).observe(responseBytes);
    usage.ifPresent(u -> {
      if (u.promptTokens() > 0) {
        inputTokens.labelValues(model, targetModel).observe(u.promptTokens());
      }
      if (u.completionTokens() > 0) {
        outputTokens.labelValues(model, targetModel).observe(u.completionTokens());
        if (latency > 0) {
          normalizedTimePerOutputToken.labelValues(model, targetModel).observe(latency / u.completionTokens());
        }
      }
      cachedTokens.labelValues(model, targetModel).observe(u.cachedTokens());
    });
  }

  private Counter counter(String name, String help, String... labels) {
    return Counter.builder().name(name).help(alpha(help)).labelNames(labels).register(registry);
  }

  private Gauge gauge(String name, String help, String... labels) {
    return Gauge.builder().name(name).help(alpha(help)).labelNames(labels).register(registry);
  }

  private Histogram histogram(String name, String help, double[] buckets, String... labels) {
    return Histogram.builder().name(name).help(alpha(help)).classicOnly().classicUpperBounds(buckets)
        .labelNames(labels).register(registry);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
