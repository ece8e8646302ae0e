package dev.inferencegateway.bbr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.bbr.server.BbrServer;
import dev.inferencegateway.bbr.testing.Bodies;
import dev.inferencegateway.bbr.testing.ExtProcHarness;
import dev.inferencegateway.extproc.client.Exchange;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.ExtProcClient;
import dev.inferencegateway.extproc.client.RequestResult;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone server from its command line: TLS ext_proc, health and metrics on real ports. */
class BbrMainTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private Optional<BbrServer> start(String... args) {
    return BbrMain.start(args, new PrintWriter(out, true), new PrintWriter(err, true), new PrometheusRegistry());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void server_routesOverTls_reportsReadiness_andServesMetrics() throws Exception {
    Path file = Bodies.writeSeedMappingFile(dir);
    BbrServer server = start("--grpc-port=" + freePort(), "--grpc-health-port=" + freePort(),
        "--metrics-port=" + freePort(), "--streaming", "--v=3", "--metrics-endpoint-auth=false",
        "--base-model-file", file.toString()).orElseThrow(() -> new AssertionError(err.toString()));
    ManagedChannel channel = Grpc.newChannelBuilderForAddress("localhost", server.grpcPort(),
        TlsChannelCredentials.newBuilder().trustManager(new TrustAll()).build()).build();
    ManagedChannel health = Grpc.newChannelBuilderForAddress("localhost", server.healthPort(),
        io.grpc.InsecureChannelCredentials.create()).build();
    try {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(HealthGrpc.newBlockingStub(health)
          .check(HealthCheckRequest.newBuilder().setService("readiness").build()).getStatus())
          .isEqualTo(ServingStatus.SERVING));
      try (Exchange exchange = new ExtProcClient(channel).open(ExchangeOptions.fullDuplex())) {
        RequestResult result = exchange.sendRequest(ExtProcHarness.headers("/v1/completions"),
            Bodies.completion("food-review-1").getBytes(StandardCharsets.UTF_8), 0, false).get(30, TimeUnit.SECONDS);
        assertThat(result.header("x-gateway-model-name")).contains("food-review-1");
        assertThat(result.header("x-gateway-base-model-name")).contains("meta-llama/Llama-3.1-8B-Instruct");
      }
      HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + server.metricsPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.body()).contains("bbr_success_total 1.0").contains("bbr_info{");

      server.shutdown(Duration.ofSeconds(5));
      server.awaitTermination();
    } finally {
      channel.shutdownNow();
      health.shutdownNow();
      server.close();
    }
  }

  @Test
  void invalidFlags_pluginsAndFiles_doNotStart_andSayWhy() throws Exception {
    assertThat(start("--grpc-port=9090")).isEmpty();
    assertThat(err.toString()).contains("bbr: port conflict: grpc-port (9090), grpc-health-port (9005), "
        + "and metrics-port (9090) must all be different");

    assertThat(start("--plugin", "base-model-to-header", "--secure-serving=false")).isEmpty();
    assertThat(err.toString()).contains("bbr: invalid --plugin 'base-model-to-header': expected <type>:<name>[:<json>]");

    Path bad = java.nio.file.Files.writeString(dir.resolve("bad.yaml"), "- adapters: [x]\n");
    assertThat(start("--base-model-file", bad.toString(), "--metrics-endpoint-auth=false")).isEmpty();
    assertThat(err.toString()).contains("bbr: base-model file " + bad + ": entry 1: 'baseModel' is required");
  }

  @Test
  void help_printsTheFlags() {
    assertThat(start("--help")).isEmpty();
    assertThat(out.toString()).contains("--grpc-port", "--plugin", "--base-model-file", "--max-request-body-bytes");
  }

  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
