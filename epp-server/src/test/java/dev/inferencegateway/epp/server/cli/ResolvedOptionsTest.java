package dev.inferencegateway.epp.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.inferencegateway.extproc.server.LoggingSetup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ResolvedOptionsTest {
  private static EppOptions parse(String... args) {
    EppOptions options = new EppOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  private static ResolvedOptions resolve(Map<String, String> env, String... args) {
    return ResolvedOptions.resolve(parse(args), env);
  }

  @Test
  void defaults_matchUpstream() {
    EppOptions o = parse("--pool-name", "p");
    assertThat(List.of(o.grpcPort, o.grpcHealthPort, o.metricsPort)).containsExactly(9002, 9003, 9090);
    assertThat(o.poolGroup).isEqualTo("inference.networking.k8s.io");
    assertThat(o.refreshMetricsInterval).isEqualTo(Duration.ofMillis(50));
    assertThat(o.refreshPrometheusMetricsInterval).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.metricsStalenessThreshold).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.modelServerMetricsPath).isEqualTo("/metrics");
    assertThat(o.modelServerMetricsScheme).isEqualTo("http");
    assertThat(o.modelServerMetricsInsecureSkipVerify).isTrue();
    assertThat(o.secureServing).isTrue();
    assertThat(o.metricsEndpointAuth).isTrue();
    assertThat(o.enablePprof).isTrue();
    assertThat(o.tracing).isTrue();
    assertThat(o.healthChecking).isFalse();
    assertThat(o.leaderElection).isFalse();
    assertThat(o.verbosity).isEqualTo(2);
    assertThat(o.drainTimeout).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.maxRequestBodyBytes).isEqualTo(64L << 20);
    assertThat(o.totalQueuedRequestsMetric).isNull();
  }

  @Test
  void booleanFlags_takeGoStyleValues() {
    EppOptions o = parse("--pool-name", "p", "--secure-serving=false", "--health-checking", "--metrics-endpoint-auth=false",
        "--ha-enable-leader-election=true", "-v=4");
    assertThat(o.secureServing).isFalse();
    assertThat(o.healthChecking).isTrue();
    assertThat(o.metricsEndpointAuth).isFalse();
    assertThat(o.leaderElection).isTrue();
    assertThat(o.verbosity).isEqualTo(4);
  }

  @Test
  void poolNamespace_flagThenEnvironmentThenDefault_andTheLeaseNameFollowsUpstream() {
    assertThat(resolve(Map.of("NAMESPACE", "env-ns"), "--pool-name", "p", "--pool-namespace", "flag-ns").namespace())
        .isEqualTo("flag-ns");
    ResolvedOptions fromEnv = resolve(Map.of("NAMESPACE", "env-ns"), "--pool-name", "vllm-pool");
    assertThat(fromEnv.namespace()).isEqualTo("env-ns");
    assertThat(fromEnv.leaseName()).isEqualTo("epp-env-ns-vllm-pool.gateway-api-inference-extension.sigs.k8s.io");
    assertThat(resolve(Map.of(), "--pool-name", "p").namespace()).isEqualTo("default");
    assertThat(resolve(Map.of(), "--pool-name", "p").mode()).isEqualTo(EndpointMode.POOL);
  }

  @Test
  void standalone_derivesTheNameFromPodName_andDeduplicatesPorts() {
    ResolvedOptions o = resolve(Map.of("POD_NAME", "qwen-epp-7c9d8f6b5-x2x4z"), "--endpoint-selector",
        "app=vllm,tier=gpu", "--endpoint-target-ports", "8000,8001,8000");
    assertThat(o.mode()).isEqualTo(EndpointMode.STANDALONE);
    assertThat(o.name()).isEqualTo("qwen-epp");
    assertThat(o.selector()).containsOnly(Map.entry("app", "vllm"), Map.entry("tier", "gpu"));
    assertThat(o.targetPorts()).containsExactly(8000, 8001);
  }

  @Test
  void staticEndpoints_needNoKubernetesWithoutAuth() {
    ResolvedOptions o = resolve(Map.of(), "--endpoints", "10.0.0.1:8000", "--metrics-endpoint-auth=false");
    assertThat(o.mode()).isEqualTo(EndpointMode.STATIC);
    assertThat(o.needsKubernetes()).isFalse();
    assertThat(resolve(Map.of(), "--endpoints", "10.0.0.1:8000").needsKubernetes()).isTrue();
  }

  @Test
  void invalidCombinations_listEveryProblem() {
    assertThatThrownBy(() -> resolve(Map.of(), "--endpoints", "1.2.3.4:1", "--endpoints-file", "f.yaml",
        "--enable-cert-reload", "--ha-enable-leader-election", "--endpoint-target-ports", "8000",
        "--model-server-metrics-scheme", "ftp", "--max-request-body-bytes", "0"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--endpoints and --endpoints-file are mutually exclusive")
        .hasMessageContaining("--enable-cert-reload needs --cert-path")
        .hasMessageContaining("--ha-enable-leader-election needs Kubernetes")
        .hasMessageContaining("--endpoint-target-ports is only used with --endpoint-selector")
        .hasMessageContaining("--model-server-metrics-scheme must be http or https")
        .hasMessageContaining("--max-request-body-bytes must be > 0");
    assertThatThrownBy(() -> resolve(Map.of("POD_NAME", "epp-1-2"), "--endpoint-selector", "app", "--endpoint-target-ports",
        "8000")).hasMessageContaining("--endpoint-selector");
  }

  @Test
  void logging_verbosityAndZapFlagsMapToLevels() {
    assertThat(LoggingSetup.level(parse("--pool-name", "p").logging())).isEqualTo(Level.INFO);
    assertThat(LoggingSetup.level(parse("--pool-name", "p", "-v", "3").logging())).isEqualTo(Level.DEBUG);
    assertThat(LoggingSetup.level(parse("--pool-name", "p", "--v=5").logging())).isEqualTo(Level.TRACE);
    assertThat(LoggingSetup.level(parse("--pool-name", "p", "--zap-log-level", "error").logging())).isEqualTo(Level.ERROR);
    assertThat(LoggingSetup.level(parse("--pool-name", "p", "--zap-log-level", "-4").logging())).isEqualTo(Level.DEBUG);
    assertThat(LoggingSetup.level(parse("--pool-name", "p", "--zap-devel").logging())).isEqualTo(Level.DEBUG);
    assertThatThrownBy(() -> LoggingSetup.level(parse("--pool-name", "p", "--zap-log-level", "loud").logging()))
        .hasMessageContaining("--zap-log-level");
  }
}
