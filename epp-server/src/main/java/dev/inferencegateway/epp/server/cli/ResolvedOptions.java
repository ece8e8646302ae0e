package dev.inferencegateway.epp.server.cli;

import dev.inferencegateway.epp.datastore.NamespaceResolver;
import dev.inferencegateway.epp.datastore.kubernetes.StandaloneSourceOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flags after validation, with the values resolved from the environment: the endpoint mode,
 * the pool namespace ({@code --pool-namespace}, else {@code NAMESPACE}, else {@code default}),
 * the EPP's name (the pool name, or the Deployment name derived from {@code POD_NAME} in
 * standalone mode) and the pod identity used for leader election.
 *
 * @param options the parsed flags
 * @param mode where endpoints come from
 * @param namespace the pool (or EPP) namespace
 * @param name the pool name, or the EPP deployment name in standalone mode, or {@code static}
 * @param selector the standalone label selector
 * @param targetPorts the standalone target ports, duplicates removed
 * @param podName the EPP's own pod name ({@code POD_NAME}), empty when unknown
 */
public record ResolvedOptions(EppOptions options, EndpointMode mode, String namespace, String name,
    Map<String, String> selector, List<Integer> targetPorts, String podName) {

  private static final Pattern DEPLOYMENT_POD = Pattern.compile("^(.+)-[a-z0-9]+-[a-z0-9]+$");

  public ResolvedOptions {
    Objects.requireNonNull(options, "options");
    selector = Map.copyOf(selector);
    targetPorts = List.copyOf(targetPorts);
  }

  /**
   * Validates the flags against each other and the environment.
   *
   * @throws UsageException listing every problem
   */
  public static ResolvedOptions resolve(EppOptions o, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    boolean pool = !o.poolName.isBlank();
    boolean standalone = !o.endpointSelector.isBlank();
    boolean staticList = !o.endpoints.isBlank() || o.endpointsFile != null;
    int sources = (pool ? 1 : 0) + (standalone ? 1 : 0) + (staticList ? 1 : 0);
    if (sources == 0) {
      problems.add("one of --pool-name, --endpoint-selector or --endpoints/--endpoints-file is required");
    } else if (sources > 1) {
      problems.add("--pool-name, --endpoint-selector and --endpoints/--endpoints-file are mutually exclusive");
    }
    if (!o.endpoints.isBlank() && o.endpointsFile != null) {
      problems.add("--endpoints and --endpoints-file are mutually exclusive");
    }
    if (o.configFile != null && o.configText != null) {
      problems.add("--config-file and --config-text are mutually exclusive");
    }
    checkListenPort(problems, "--grpc-port", o.grpcPort);
    checkListenPort(problems, "--grpc-health-port", o.grpcHealthPort);
    checkListenPort(problems, "--metrics-port", o.metricsPort);
    if (o.modelServerMetricsPort != 0) {
      checkPort(problems, "--model-server-metrics-port", o.modelServerMetricsPort);
    }
    if (!o.modelServerMetricsScheme.equals("http") && !o.modelServerMetricsScheme.equals("https")) {
      problems.add("--model-server-metrics-scheme must be http or https, got '" + o.modelServerMetricsScheme + "'");
    }
    checkPositive(problems, "--refresh-metrics-interval", o.refreshMetricsInterval);
    checkPositive(problems, "--refresh-prometheus-metrics-interval", o.refreshPrometheusMetricsInterval);
    checkPositive(problems, "--metrics-staleness-threshold", o.metricsStalenessThreshold);
    if (o.drainTimeout.isNegative()) {
      problems.add("--drain-timeout must not be negative");
    }
    if (o.grpcMaxRecvMsgSize <= 0) {
      problems.add("--grpc-max-recv-msg-size must be > 0");
    }
    if (o.maxRequestBodyBytes <= 0) {
      problems.add("--max-request-body-bytes must be > 0");
    }
    if (o.enableCertReload && o.certPath == null) {
      problems.add("--enable-cert-reload needs --cert-path");
    }
    if (o.verbosity < 0) {
      problems.add("-v must be >= 0");
    }
    if (!o.enableBbr && (!o.bbrPlugins.isEmpty() || o.bbrBaseModelFile != null)) {
      problems.add("--bbr-plugin and --bbr-base-model-file configure the co-packaged BBR stage; add --enable-bbr");
    }
    if (o.leaderElection && staticList) {
      problems.add("--ha-enable-leader-election needs Kubernetes; it cannot be used with --endpoints/--endpoints-file");
    }
    String podName = env.getOrDefault("POD_NAME", "");
    Map<String, String> selector = Map.of();
    if (standalone) {
      try {
        selector = StandaloneSourceOptions.parseSelector(o.endpointSelector);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    List<Integer> ports = new ArrayList<>(new LinkedHashSet<>(o.endpointTargetPorts));
    String name = pool ? o.poolName : "static";
    if (standalone) {
      if (ports.isEmpty() || ports.size() > 8) {
        problems.add("--endpoint-target-ports needs 1 to 8 ports with --endpoint-selector, got " + ports.size());
      }
      ports.forEach(p -> checkPort(problems, "--endpoint-target-ports", p));
      Matcher matcher = DEPLOYMENT_POD.matcher(podName);
      if (podName.isBlank()) {
        problems.add("--endpoint-selector needs the POD_NAME environment variable (set it from the downward API)");
      } else if (!matcher.matches()) {
        problems.add("POD_NAME '" + podName + "' is not a Deployment pod name (<deployment>-<hash>-<suffix>)");
      } else {
        name = StandaloneSourceOptions.poolNameFromPodName(podName);
      }
    } else if (!o.endpointTargetPorts.isEmpty()) {
      problems.add("--endpoint-target-ports is only used with --endpoint-selector");
    }
    if (!problems.isEmpty()) {
      throw new UsageException(problems);
    }
    String namespace = NamespaceResolver.resolve(o.poolNamespace, env::get);
    EndpointMode mode = pool ? EndpointMode.POOL : standalone ? EndpointMode.STANDALONE : EndpointMode.STATIC;
    return new ResolvedOptions(o, mode, namespace, name, selector, ports, podName);
  }

  /** Returns whether the EPP needs the Kubernetes API. */
  public boolean needsKubernetes() {
    return mode != EndpointMode.STATIC || options.leaderElection || options.metricsEndpointAuth
        || (options.enableBbr && options.bbrBaseModelFile == null);
  }

  /** Returns upstream's leader-election lease name: {@code epp-<ns>-<name>.gateway-api-inference-extension.sigs.k8s.io}. */
  public String leaseName() {
    return "epp-" + namespace + "-" + name + ".gateway-api-inference-extension.sigs.k8s.io";
  }

  private static void checkPort(List<String> problems, String flag, int port) {
    if (port < 1 || port > 65_535) {
      problems.add(flag + " must be a port in [1, 65535], got " + port);
    }
  }

  private static void checkListenPort(List<String> problems, String flag, int port) {
    if (port < 0 || port > 65_535) {
      problems.add(flag + " must be a port in [0, 65535] (0 picks a free port), got " + port);
    }
  }

  private static void checkPositive(List<String> problems, String flag, java.time.Duration value) {
    if (value.isNegative() || value.isZero()) {
      problems.add(flag + " must be > 0");
    }
  }
}
