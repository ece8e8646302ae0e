package dev.inferencegateway.epp.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.epp.server.EppServer;
import dev.inferencegateway.epp.server.cli.UsageException;
import dev.inferencegateway.epp.server.testing.Servers;
import dev.inferencegateway.epp.server.testing.TestEndpointSource;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.RequestResult;
import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Body-Based Router as the first stage of the EPP's ext_proc stream ({@code --enable-bbr}). */
class CoPackagedBbrTest {
  private static final String MAPPINGS = """
      - baseModel: meta-llama/Llama-3.1-8B-Instruct
        adapters: [food-review-1]
      - baseModel: deepseek/vllm-deepseek-r1
        adapters: [ski-resorts, movie-critique]
      """;

  @TempDir
  Path dir;

  private EppServer start(String... extra) throws Exception {
    Path mappings = Files.writeString(dir.resolve("base-models.yaml"), MAPPINGS);
    TestEndpointSource source = new TestEndpointSource("pool").endpoints(List.of(
        TestEndpointSource.endpoint("pod-0", "10.4.0.1", "127.0.0.1:1")));
    String[] base = {"--pool-name", "pool", "--secure-serving=false", "--metrics-endpoint-auth=false",
        "--grpc-port=0", "--grpc-health-port=0", "--metrics-port=0", "--enable-bbr",
        "--bbr-base-model-file", mappings.toString()};
    String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
        .toArray(String[]::new);
    return Servers.start(source, args);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "food-review-1, meta-llama/Llama-3.1-8B-Instruct",
      "meta-llama/Llama-3.1-8B-Instruct, meta-llama/Llama-3.1-8B-Instruct",
      "ski-resorts, deepseek/vllm-deepseek-r1",
      "movie-critique, deepseek/vllm-deepseek-r1",
      "deepseek/vllm-deepseek-r1, deepseek/vllm-deepseek-r1"})
  void oneStreamSetsTheModelHeadersAndTheDestination(String model, String baseModel) throws Exception {
    try (EppServer epp = start()) {
      ManagedChannel channel = Servers.channel(epp);
      try {
        byte[] body = ("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
            .getBytes(StandardCharsets.UTF_8);
        RequestResult result = Servers.client(channel).open(ExchangeOptions.fullDuplex())
            .sendRequest(Map.of(":path", "/v1/chat/completions", ":method", "POST"), body, 16, false)
            .get(30, TimeUnit.SECONDS);

        assertThat(result.immediate()).isEmpty();
        assertThat(result.header("x-gateway-model-name")).contains(model);
        assertThat(result.header("x-gateway-base-model-name")).contains(baseModel);
        assertThat(result.header("x-gateway-destination-endpoint")).contains("10.4.0.1:8000");
        assertThat(result.body().toByteArray()).isEqualTo(body);
      } finally {
        channel.shutdownNow();
      }
      assertThat(Servers.scrape(epp, java.util.Optional.empty()).body())
          .contains("bbr_success_total").contains("inference_objective_request_total");
    }
  }

  @Test
  void badJson_isRejectedOnceWithBadRequest() throws Exception {
    try (EppServer epp = start()) {
      ManagedChannel channel = Servers.channel(epp);
      try {
        RequestResult result = Servers.client(channel).open(ExchangeOptions.fullDuplex())
            .sendRequest(Map.of(":path", "/v1/completions"), "{\"model\":".getBytes(StandardCharsets.UTF_8), 4, false)
            .get(30, TimeUnit.SECONDS);
        assertThat(result.immediate()).hasValueSatisfying(r -> {
          assertThat(r.status()).isEqualTo(400);
          assertThat(r.body()).startsWith("inference error: BadRequest - ");
        });
      } finally {
        channel.shutdownNow();
      }
    }
  }

  @Test
  void bbrFlagsWithoutEnableBbr_areRejected() {
    assertThatThrownBy(() -> Servers.options(Map.of(), "--endpoints", "127.0.0.1:8000",
        "--metrics-endpoint-auth=false", "--bbr-plugin", "base-model-to-header:mapper"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--bbr-plugin and --bbr-base-model-file configure the co-packaged BBR stage; add --enable-bbr");
  }

  @Test
  void invalidBbrPlugin_stopsStartupNamingIt() {
    assertThatThrownBy(() -> start("--bbr-plugin", "no-such-type:x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-type");
  }
}
