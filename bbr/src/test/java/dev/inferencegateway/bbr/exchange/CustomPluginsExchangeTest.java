package dev.inferencegateway.bbr.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.inferencegateway.bbr.embed.BbrStage;
import dev.inferencegateway.bbr.testing.Bodies;
import dev.inferencegateway.bbr.testing.ExtProcHarness;
import dev.inferencegateway.bbr.testing.MetricsText;
import dev.inferencegateway.bbr.testing.TestPlugins;
import dev.inferencegateway.extproc.BodyMode;
import dev.inferencegateway.extproc.client.Exchange;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.RequestResult;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chain with a body-rewriting request plugin and a streaming response plugin. */
class CustomPluginsExchangeTest {
  @TempDir
  Path dir;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private BbrStage stage;
  private ExtProcHarness harness;

  @BeforeEach
  void start() throws Exception {
    Path file = Bodies.writeSeedMappingFile(dir);
    stage = BbrStage.builder().pluginRegistry(TestPlugins.registry()).staticMappings(file).metrics(registry)
        .plugins(List.of(
            "body-field-to-header:model:{\"fieldName\":\"model\",\"headerName\":\"X-Gateway-Model-Name\"}",
            "base-model-to-header:base",
            TestPlugins.MODEL_REWRITER + ":rewriter",
            TestPlugins.SHOUTER + ":shouter"))
        .start();
    harness = new ExtProcHarness(stage.handlers());
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
    stage.close();
  }

  @Test
  void mutatedBody_isReserialised_withItsNewContentLength() throws Exception {
    RequestResult result = harness.post("/v1/completions", Bodies.completion("food-review-1"));

    String expected = "{\"model\":\"meta-llama/Llama-3.1-8B-Instruct\",\"prompt\":\"Write as if you were a critic: "
        + "San Francisco\",\"max_tokens\":100,\"temperature\":0}";
    assertThat(result.body().toStringUtf8()).isEqualTo(expected);
    assertThat(result.header("content-length")).contains(Integer.toString(expected.length()));
    assertThat(result.header("x-gateway-model-name")).contains("food-review-1");
  }

  @Test
  void mutatedBody_inBufferedMode_isSentAsABodyMutation() throws Exception {
    RequestResult result = harness.post("/v1/chat/completions", Bodies.chat("ski-resorts"), 0,
        ExchangeOptions.fullDuplex().withModes(BodyMode.BUFFERED, BodyMode.NONE));

    assertThat(result.body().toStringUtf8()).contains("\"model\":\"deepseek/vllm-deepseek-r1\"");
    assertThat(result.header("content-length")).contains(Integer.toString(result.body().size()));
  }

  @Test
  void responsePlugin_streamsEveryChunkAsItArrives() throws Exception {
    try (Exchange exchange = harness.client().open(ExchangeOptions.fullDuplex())) {
      exchange.sendRequest(ExtProcHarness.headers("/v1/chat/completions"),
          Bodies.chat("movie-critique").getBytes(StandardCharsets.UTF_8), 0, false).get(10, TimeUnit.SECONDS);
      Map<String, String> headers = exchange.sendResponseHeaders(
          Map.of(":status", "200", "content-type", "text/event-stream"), false).get(10, TimeUnit.SECONDS);
      List<String> emitted = new CopyOnWriteArrayList<>();
      exchange.onResponseChunk(chunk -> emitted.add(chunk.toStringUtf8()));

      exchange.sendResponseBody(ByteString.copyFromUtf8("data: {\"delta\":\"one\"}\n\n"), false);
      assertThat(emitted).containsExactly("DATA: {\"DELTA\":\"ONE\"}\n\n");
      exchange.sendResponseBody(ByteString.copyFromUtf8("data: {\"delta\":\"two\"}\n\n"), false);
      assertThat(emitted).hasSize(2);
      exchange.sendResponseBody(ByteString.copyFromUtf8("data: [DONE]\n\n"), true);
      exchange.responseBodyDone().get(10, TimeUnit.SECONDS);

      assertThat(headers).containsEntry("x-shouted-for", "movie-critique");
      assertThat(emitted).containsExactly("DATA: {\"DELTA\":\"ONE\"}\n\n", "DATA: {\"DELTA\":\"TWO\"}\n\n",
          "DATA: [DONE]\n\ndata: [CHUNKS 3]\n\n");
    }
    assertThat(MetricsText.of(registry)).contains("bbr_plugin_duration_seconds_count{extension_point=\"response\","
        + "plugin_name=\"shouter\",plugin_type=\"test-shouter\"} 4");
  }

  @Test
  void responseEndedByTrailers_flushesTheResponsePlugins() throws Exception {
    try (Exchange exchange = harness.client().open(ExchangeOptions.fullDuplex())) {
      exchange.sendRequest(ExtProcHarness.headers("/v1/completions"),
          Bodies.completion("ski-resorts").getBytes(StandardCharsets.UTF_8), 0, false).get(10, TimeUnit.SECONDS);
      exchange.sendResponseHeaders(Map.of(":status", "200"), false).get(10, TimeUnit.SECONDS);
      List<String> emitted = new CopyOnWriteArrayList<>();
      exchange.onResponseChunk(chunk -> emitted.add(chunk.toStringUtf8()));
      exchange.sendResponseBody(ByteString.copyFromUtf8("data: {\"delta\":\"grpc\"}\n\n"), false);
      exchange.sendResponseTrailers(Map.of("grpc-status", "0")).get(10, TimeUnit.SECONDS);

      assertThat(emitted).containsExactly("DATA: {\"DELTA\":\"GRPC\"}\n\n", "data: [CHUNKS 2]\n\n");
    }
  }
}
