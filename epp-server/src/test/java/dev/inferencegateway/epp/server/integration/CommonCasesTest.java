package dev.inferencegateway.epp.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.epp.core.datastore.ModelRewrite;
import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.datastore.rewrite.RewriteRule;
import dev.inferencegateway.epp.server.EppServer;
import dev.inferencegateway.epp.server.testing.FakeModelServer;
import dev.inferencegateway.epp.server.testing.Servers;
import dev.inferencegateway.epp.server.testing.TestEndpointSource;
import dev.inferencegateway.extproc.client.ExtProcClient;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.RequestResult;
import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Upstream's integration cases (test/integration/epp common_tests) against a real EPP: real
 * default plugins and config loader, metrics scraped from loopback model servers, a real gRPC port.
 */
class CommonCasesTest {
  private static final String POOL = "vllm-llama3-8b-instruct-pool";
  private static final String LORA_CONFIG = """
      apiVersion: inference.networking.x-k8s.io/v1alpha1
      kind: EndpointPickerConfig
      plugins:
      - type: queue-scorer
      - type: kv-cache-utilization-scorer
      - type: lora-affinity-scorer
      - type: prefix-cache-scorer
      schedulingProfiles:
      - name: default
        plugins:
        - {pluginRef: queue-scorer, weight: 2}
        - {pluginRef: kv-cache-utilization-scorer, weight: 2}
        - {pluginRef: lora-affinity-scorer, weight: 2}
        - {pluginRef: prefix-cache-scorer, weight: 3}
      """;
  private final List<FakeModelServer> modelServers = new ArrayList<>();
  private final TestEndpointSource source = new TestEndpointSource(POOL)
      .objectives(Map.of("my-model", new Objective("my-model", 2), "sql-lora", new Objective("sql-lora", 2)))
      .rewrites(List.of(
          new RewriteRule("my-model-rewrite", Instant.EPOCH, 0, Set.of("my-model"),
              List.of(new ModelRewrite.Target("my-model-12345", 1))),
          new RewriteRule("sql-lora-rewrite", Instant.EPOCH, 0, Set.of("sql-lora"),
              List.of(new ModelRewrite.Target("sql-lora-1fdg2", 1)))));
  private EppServer epp;
  private ManagedChannel channel;

  @BeforeEach
  void modelServers() throws Exception {
    for (int i = 0; i < 3; i++) {
      modelServers.add(new FakeModelServer().state(i, 0.1, Set.of()));
    }
  }

  @AfterEach
  void stop() {
    if (channel != null) {
      channel.shutdownNow();
    }
    if (epp != null) {
      epp.close();
    }
    modelServers.forEach(FakeModelServer::close);
  }

  private void startEpp(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--pool-name", POOL, "--secure-serving=false",
        "--metrics-endpoint-auth=false", "--grpc-port=0", "--grpc-health-port=0", "--metrics-port=0",
        "--refresh-prometheus-metrics-interval=100ms"));
    args.addAll(List.of(extra));
    source.endpoints(List.of(
        TestEndpointSource.endpoint("pod-0", "192.168.1.1", modelServers.get(0).hostPort()),
        TestEndpointSource.endpoint("pod-1", "192.168.1.2", modelServers.get(1).hostPort()),
        TestEndpointSource.endpoint("pod-2", "192.168.1.3", modelServers.get(2).hostPort())));
    epp = Servers.start(source, args.toArray(String[]::new));
    channel = Servers.channel(epp);
    await().atMost(Duration.ofSeconds(20)).until(() -> epp.datastore().freshEndpoints().size() == 3);
  }

  private RequestResult request(String model, Map<String, String> extraHeaders) throws Exception {
    Map<String, String> headers = new java.util.HashMap<>(Map.of(":method", "POST", ":path", "/v1/completions",
        "content-type", "application/json", "x-gateway-inference-objective", model));
    headers.putAll(extraHeaders);
    byte[] body = ("{\"model\":\"" + model + "\",\"prompt\":\"test prompt\",\"max_tokens\":100}")
        .getBytes(StandardCharsets.UTF_8);
    return new ExtProcClient(channel).open(ExchangeOptions.fullDuplex()).sendRequest(headers, body, 16, false)
        .get(30, TimeUnit.SECONDS);
  }

  @Test
  void selectLowerQueueAndKvCache() throws Exception {
    modelServers.get(0).state(3, 0.2, Set.of());
    modelServers.get(1).state(0, 0.1, Set.of());
    modelServers.get(2).state(10, 0.2, Set.of());
    startEpp();
    await().atMost(Duration.ofSeconds(20)).until(() -> epp.datastore().freshEndpoints().stream()
        .anyMatch(e -> e.metrics().waitingQueueSize() == 10));

    RequestResult result = request("my-model", Map.of());

    assertThat(result.header("x-gateway-destination-endpoint")).contains("192.168.1.2:8000");
    assertThat(result.dynamicMetadata()).isEqualTo(
        Map.of("envoy.lb", Map.of("x-gateway-destination-endpoint", "192.168.1.2:8000")));
    assertThat(result.body().toStringUtf8()).contains("\"model\":\"my-model-12345\"");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      String text = Servers.scrape(epp, Optional.empty()).body();
      assertThat(text).contains("inference_objective_request_total{model_name=\"my-model\",priority=\"2\","
          + "target_model_name=\"my-model-12345\"} 1");
      assertThat(text).contains("inference_pool_ready_pods{name=\"" + POOL + "\"} 3");
    });
  }

  @Test
  void selectActiveLoraLowQueue() throws Exception {
    modelServers.get(0).state(0, 0.2, Set.of("foo", "bar"));
    modelServers.get(1).state(0, 0.1, Set.of("foo", "sql-lora-1fdg2"));
    modelServers.get(2).state(10, 0.2, Set.of("foo", "bar"));
    startEpp("--config-text", LORA_CONFIG);
    await().atMost(Duration.ofSeconds(20)).until(() -> epp.datastore().freshEndpoints().stream()
        .anyMatch(e -> e.metrics().activeModels().contains("sql-lora-1fdg2")));

    RequestResult result = request("sql-lora", Map.of());

    assertThat(result.header("x-gateway-destination-endpoint")).contains("192.168.1.2:8000");
    assertThat(result.body().toStringUtf8()).contains("\"model\":\"sql-lora-1fdg2\"");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Servers.scrape(epp, Optional.empty()).body())
        .contains("inference_objective_request_total{model_name=\"sql-lora\",priority=\"2\","
            + "target_model_name=\"sql-lora-1fdg2\"} 1"));
  }

  @Test
  void noBackendPodsAvailable_headerOnlyRequest_is500() throws Exception {
    startEpp();
    source.endpoints(List.of());

    RequestResult result = new ExtProcClient(channel).open(ExchangeOptions.fullDuplex())
        .sendRequest(Map.of("content-type", "application/json"), null, 0, true).get(30, TimeUnit.SECONDS);

    assertThat(result.immediate()).hasValueSatisfying(r -> {
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.body()).isEqualTo("inference error: Internal - no pods available in datastore");
    });
  }

  @Test
  void requestMissingModelField_is400() throws Exception {
    startEpp();

    RequestResult result = new ExtProcClient(channel).open(ExchangeOptions.fullDuplex())
        .sendRequest(Map.of("content-type", "application/json"),
            "{\"prompt\":\"hello world\"}".getBytes(StandardCharsets.UTF_8), 8, false).get(30, TimeUnit.SECONDS);

    assertThat(result.immediate()).hasValueSatisfying(r -> {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).isEqualTo("inference error: BadRequest - model not found in request body");
    });
  }
}
