package dev.inferencegateway.epp.server.cli;

import dev.inferencegateway.extproc.server.LoggingFlags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The EPP's command-line flags: upstream's (same names and defaults), llm-d's additions that apply
 * here, and this project's static endpoint source, body limit and config printing. Boolean flags
 * take Go's {@code --flag=false} form.
 */
@Command(name = "epp", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    versionProvider = EppVersion.class,
    description = "Endpoint Picker for the Gateway API Inference Extension: an Envoy ext_proc server that picks "
        + "the model-server endpoint for each inference request.")
public final class EppOptions {
  /** The default request body limit (64 MiB). */
  public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 64L << 20;

  @Option(names = "--grpc-port", defaultValue = "9002", description = "ext_proc gRPC port (default: ${DEFAULT-VALUE}).")
  public int grpcPort;

  @Option(names = "--grpc-health-port", defaultValue = "9003", description = "gRPC health port (default: ${DEFAULT-VALUE}).")
  public int grpcHealthPort;

  @Option(names = "--metrics-port", defaultValue = "9090", description = "Prometheus /metrics port (default: ${DEFAULT-VALUE}).")
  public int metricsPort;

  @Option(names = "--pool-name", defaultValue = "", description = "Name of the InferencePool this EPP serves.")
  public String poolName;

  @Option(names = "--pool-namespace", defaultValue = "",
      description = "Namespace of the InferencePool (default: $NAMESPACE, else 'default').")
  public String poolNamespace;

  @Option(names = "--pool-group", defaultValue = "inference.networking.k8s.io",
      description = "API group of the InferencePool (default: ${DEFAULT-VALUE}).")
  public String poolGroup;

  @Option(names = "--endpoint-selector", defaultValue = "",
      description = "Standalone mode: label selector of the model-server pods, k=v[,k2=v2].")
  public String endpointSelector;

  @Option(names = "--endpoint-target-ports", split = ",", description = "Standalone mode: model-server ports (1 to 8).")
  public List<Integer> endpointTargetPorts = new ArrayList<>();

  @Option(names = "--endpoints", defaultValue = "",
      description = "Static mode: model-server endpoints, ip:port[,ip:port...] (no Kubernetes needed).")
  public String endpoints;

  @Option(names = "--endpoints-file", description = "Static mode: a file listing ip:port endpoints, one per line "
      + "(re-read when it changes).")
  public Path endpointsFile;

  @Option(names = "--disable-endpoint-subset-filter", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Ignore the proxy's x-gateway-destination-endpoint-subset hint.")
  public boolean disableEndpointSubsetFilter;

  @Option(names = "--ha-enable-leader-election", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Elect a leader through a Kubernetes Lease; followers report not ready.")
  public boolean leaderElection;

  @Option(names = "--refresh-metrics-interval", defaultValue = "50ms", converter = GoDurationConverter.class,
      description = "How often each model server's metrics are scraped (default: ${DEFAULT-VALUE}).")
  public Duration refreshMetricsInterval;

  @Option(names = "--refresh-prometheus-metrics-interval", defaultValue = "5s", converter = GoDurationConverter.class,
      description = "How often the pool gauges are refreshed (default: ${DEFAULT-VALUE}).")
  public Duration refreshPrometheusMetricsInterval;

  @Option(names = "--metrics-staleness-threshold", defaultValue = "2s", converter = GoDurationConverter.class,
      description = "Metrics older than this are left out of the pool gauges (default: ${DEFAULT-VALUE}).")
  public Duration metricsStalenessThreshold;

  @Option(names = "--model-server-metrics-port", defaultValue = "0",
      description = "Deprecated: metrics port when the pool has one target port (0: the target port).")
  public int modelServerMetricsPort;

  @Option(names = "--model-server-metrics-path", defaultValue = "/metrics",
      description = "Deprecated: default path of metrics-data-source (default: ${DEFAULT-VALUE}).")
  public String modelServerMetricsPath;

  @Option(names = "--model-server-metrics-scheme", defaultValue = "http",
      description = "Deprecated: default scheme of metrics-data-source, http or https (default: ${DEFAULT-VALUE}).")
  public String modelServerMetricsScheme;

  @Option(names = "--model-server-metrics-https-insecure-skip-verify", arity = "0..1", fallbackValue = "true",
      defaultValue = "true", description = "Deprecated: skip TLS verification when scraping over https.")
  public boolean modelServerMetricsInsecureSkipVerify;

  @Option(names = "--total-queued-requests-metric", description = "Deprecated: maps onto the default engine's queue spec.")
  public String totalQueuedRequestsMetric;

  @Option(names = "--total-running-requests-metric", description = "Deprecated: maps onto the default engine's running spec.")
  public String totalRunningRequestsMetric;

  @Option(names = "--kv-cache-usage-percentage-metric", description = "Deprecated: maps onto the default engine's KV spec.")
  public String kvCacheUsagePercentageMetric;

  @Option(names = "--lora-info-metric", description = "Deprecated: maps onto the default engine's LoRA spec.")
  public String loraInfoMetric;

  @Option(names = "--cache-info-metric", description = "Deprecated: maps onto the default engine's cache-info spec.")
  public String cacheInfoMetric;

  @Option(names = "--config-file", description = "EndpointPickerConfig file (YAML or JSON).")
  public Path configFile;

  @Option(names = "--config-text", description = "EndpointPickerConfig given inline.")
  public String configText;

  @Option(names = "--print-effective-config", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Print the effective configuration (defaults applied) and exit.")
  public boolean printEffectiveConfig;

  @Option(names = "--secure-serving", arity = "0..1", fallbackValue = "true", defaultValue = "true",
      description = "Serve ext_proc over TLS (default: ${DEFAULT-VALUE}).")
  public boolean secureServing;

  @Option(names = "--cert-path", description = "Directory holding tls.crt and tls.key (default: a self-signed certificate).")
  public Path certPath;

  @Option(names = "--enable-cert-reload", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Reload tls.crt/tls.key when they change.")
  public boolean enableCertReload;

  @Option(names = "--health-checking", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Also serve gRPC health on the ext_proc port.")
  public boolean healthChecking;

  @Option(names = "--metrics-endpoint-auth", arity = "0..1", fallbackValue = "true", defaultValue = "true",
      description = "Check /metrics bearer tokens with Kubernetes TokenReview and SubjectAccessReview (default: ${DEFAULT-VALUE}).")
  public boolean metricsEndpointAuth;

  @Option(names = "--enable-pprof", arity = "0..1", fallbackValue = "true", defaultValue = "true",
      description = "Accepted for compatibility; the JVM is profiled with JDK Flight Recorder instead.")
  public boolean enablePprof;

  @Option(names = "--tracing", arity = "0..1", fallbackValue = "true", defaultValue = "true",
      description = "Accepted for compatibility; OpenTelemetry trace export is not built in.")
  public boolean tracing;

  @Option(names = {"-v", "--v"}, defaultValue = "2",
      description = "Log verbosity: 2 default, 3 verbose, 4 debug, 5 trace (default: ${DEFAULT-VALUE}).")
  public int verbosity;

  @Option(names = "--zap-devel", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Development logging: console encoding, debug level.")
  public boolean zapDevel;

  @Option(names = "--zap-encoder", description = "Log encoding: json or console.")
  public String zapEncoder;

  @Option(names = "--zap-log-level", description = "Log level: debug, info, error, or a verbosity number.")
  public String zapLogLevel;

  @Option(names = "--zap-stacktrace-level", description = "Level from which stack traces are logged: info, error, panic.")
  public String zapStacktraceLevel;

  @Option(names = "--zap-time-encoding", description = "Time format: epoch, millis, nano, iso8601, rfc3339, rfc3339nano.")
  public String zapTimeEncoding;

  @Option(names = "--drain-timeout", defaultValue = "30s", converter = GoDurationConverter.class,
      description = "How long in-flight streams may finish at shutdown (default: ${DEFAULT-VALUE}).")
  public Duration drainTimeout;

  @Option(names = "--grpc-max-recv-msg-size", defaultValue = "4194304",
      description = "Largest ext_proc message accepted, in bytes (default: ${DEFAULT-VALUE}).")
  public int grpcMaxRecvMsgSize;

  @Option(names = "--max-request-body-bytes", defaultValue = "67108864",
      description = "Requests with a larger body get 413 (default: ${DEFAULT-VALUE}, 64 MiB).")
  public long maxRequestBodyBytes;

  @Option(names = "--enable-bbr", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Run the Body-Based Router as the first stage of each ext_proc stream (co-packaged mode).")
  public boolean enableBbr;

  @Option(names = "--bbr-plugin", paramLabel = "<type>:<name>[:<json>]",
      description = "A BBR plugin of the co-packaged stage, repeatable (default: model to X-Gateway-Model-Name, "
          + "then base model to X-Gateway-Base-Model-Name).")
  public List<String> bbrPlugins = new ArrayList<>();

  @Option(names = "--bbr-base-model-file",
      description = "Base-model mappings of the co-packaged BBR from a file instead of labelled ConfigMaps.")
  public Path bbrBaseModelFile;

  @Option(names = "--allow-experimental-plugins", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Allow alpha plugin types in the configuration.")
  public boolean allowExperimentalPlugins;

  /** Returns the logging flags ({@code -v}, {@code --zap-*}). */
  public LoggingFlags logging() {
    return new LoggingFlags(verbosity, zapLogLevel, zapDevel, zapEncoder, zapTimeEncoding);
  }
}
