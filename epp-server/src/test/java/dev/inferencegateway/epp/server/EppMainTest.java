package dev.inferencegateway.epp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.epp.server.testing.FakeModelServer;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.ExtProcClient;
import dev.inferencegateway.extproc.client.RequestResult;
import dev.inferencegateway.extproc.tls.PemFiles;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EppMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable c : closeables.reversed()) {
      c.close();
    }
  }

  private EppMain.Launch launch(String... args) {
    EppMain.Launch launch = EppMain.launch(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    launch.server().ifPresent(closeables::add);
    return launch;
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void help_listsTheFlags() {
    assertThat(launch("--help").exitCode()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--grpc-port", "--pool-name", "--endpoints",
        "--max-request-body-bytes", "--drain-timeout", "--metrics-endpoint-auth");
  }

  @Test
  void badFlags_exit2NamingTheProblem() {
    assertThat(launch("--no-such-flag").exitCode()).isEqualTo(2);
    assertThat(err()).contains("--no-such-flag");

    err.reset();
    assertThat(launch("--pool-name", "p", "--endpoints", "10.0.0.1:8000").exitCode()).isEqualTo(2);
    assertThat(err()).contains("--pool-name, --endpoint-selector and --endpoints/--endpoints-file are mutually exclusive");

    err.reset();
    assertThat(launch("--endpoints", "10.0.0.1:8000", "--config-file", "a.yaml", "--config-text", "x: 1",
        "--grpc-port", "70000").exitCode()).isEqualTo(2);
    assertThat(err()).contains("--config-file and --config-text are mutually exclusive",
        "--grpc-port must be a port in [0, 65535]");

    err.reset();
    assertThat(launch().exitCode()).isEqualTo(2);
    assertThat(err()).contains("one of --pool-name, --endpoint-selector or --endpoints/--endpoints-file is required");

    err.reset();
    assertThat(launch("--endpoint-selector", "app=vllm", "--endpoint-target-ports", "8000").exitCode()).isEqualTo(2);
    assertThat(err()).contains("POD_NAME");

    err.reset();
    assertThat(launch("--endpoints", "10.0.0.1:8000", "--refresh-metrics-interval", "fast").exitCode()).isEqualTo(2);
    assertThat(err()).contains("'fast' is not a duration");
  }

  @Test
  void badConfiguration_exits1NamingTheSourceAndField() {
    EppMain.Launch launch = launch("--endpoints", "10.0.0.1:8000", "--metrics-endpoint-auth=false",
        "--print-effective-config", "--config-text", """
            apiVersion: inference.networking.x-k8s.io/v1alpha1
            kind: EndpointPickerConfig
            plugins:
            - type: queue-scorer
              parameters: {unknown: 1}
            """);

    assertThat(launch.exitCode()).isEqualTo(1);
    assertThat(err()).contains("invalid configuration", "--config-text", "queue-scorer", "unknown");
  }

  @Test
  void printEffectiveConfig_printsTheDefaultsAndExits() {
    EppMain.Launch launch = launch("--endpoints", "10.0.0.1:8000", "--print-effective-config");

    assertThat(launch.exitCode()).isZero();
    assertThat(launch.server()).isEmpty();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("queue-scorer", "kv-cache-utilization-scorer",
        "prefix-cache-scorer", "max-score-picker", "single-profile-handler", "metrics-data-source");
  }

  @Test
  void metricsAuthWithoutKubernetes_failsTellingHowToDisableIt() {
    String master = System.getProperty("kubernetes.master");
    System.setProperty("kubernetes.master", "https://127.0.0.1:1");
    System.setProperty("kubernetes.auth.tryKubeConfig", "false");
    System.setProperty("kubernetes.auth.tryServiceAccount", "false");
    try {
      EppMain.Launch launch = launch("--endpoints", "10.0.0.1:8000", "--grpc-port=0", "--grpc-health-port=0",
          "--metrics-port=0");
      assertThat(launch.exitCode()).isEqualTo(1);
      assertThat(err()).contains("cannot reach the Kubernetes API server at https://127.0.0.1:1",
          "pass --metrics-endpoint-auth=false");
    } finally {
      if (master == null) {
        System.clearProperty("kubernetes.master");
      } else {
        System.setProperty("kubernetes.master", master);
      }
      System.clearProperty("kubernetes.auth.tryKubeConfig");
      System.clearProperty("kubernetes.auth.tryServiceAccount");
    }
  }

  @Test
  void staticEndpoints_overSelfSignedTls_routeToTheLowerQueue_andDeprecatedMetricFlagsApply() throws Exception {
    FakeModelServer busy = new FakeModelServer().state(7, 0.5, Set.of());
    FakeModelServer idle = new FakeModelServer().state(0, 0.1, Set.of());
    closeables.add(busy);
    closeables.add(idle);
    EppMain.Launch launch = launch("--endpoints", busy.hostPort() + "," + idle.hostPort(),
        "--metrics-endpoint-auth=false", "--grpc-port=0", "--grpc-health-port=0", "--metrics-port=0",
        "--kv-cache-usage-percentage-metric=vllm:kv_cache_usage_perc{model_name=\"base\"}", "--v=4");
    assertThat(launch.exitCode()).as(err()).isZero();
    EppServer server = launch.server().orElseThrow();

    ManagedChannel health = Grpc.newChannelBuilderForAddress("127.0.0.1", server.runtime().healthPort(),
        InsecureChannelCredentials.create()).build();
    closeables.add(health::shutdownNow);
    await().atMost(Duration.ofSeconds(20)).until(() -> HealthGrpc.newBlockingStub(health)
        .check(HealthCheckRequest.newBuilder().setService("readiness").build()).getStatus() == ServingStatus.SERVING);
    await().atMost(Duration.ofSeconds(20)).until(() -> server.datastore().freshEndpoints().stream()
        .anyMatch(e -> e.metrics().waitingQueueSize() == 7 && e.metrics().kvCacheUsage() == 0.5));

    String pem = PemFiles.encode("CERTIFICATE", server.runtime().tls().orElseThrow().current().leaf().getEncoded());
    ManagedChannel channel = Grpc.newChannelBuilderForAddress("localhost", server.runtime().extProcPort(),
        TlsChannelCredentials.newBuilder().trustManager(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
            .build()).build();
    closeables.add(channel::shutdownNow);
    RequestResult result = new ExtProcClient(channel).open(ExchangeOptions.fullDuplex())
        .sendRequest(Map.of(":path", "/v1/chat/completions", ":method", "POST"),
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}".getBytes(StandardCharsets.UTF_8),
            16, false).get(30, TimeUnit.SECONDS);

    assertThat(result.header("x-gateway-destination-endpoint")).contains(idle.hostPort());

    server.shutdown();
    assertThat(server.runtime()).isNull();
  }
}
