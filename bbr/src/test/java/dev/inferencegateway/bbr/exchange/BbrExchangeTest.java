package dev.inferencegateway.bbr.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.inferencegateway.bbr.embed.BbrStage;
import dev.inferencegateway.bbr.testing.Bodies;
import dev.inferencegateway.bbr.testing.ExtProcHarness;
import dev.inferencegateway.bbr.testing.MetricsText;
import dev.inferencegateway.extproc.BodyChunks;
import dev.inferencegateway.extproc.BodyMode;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.RequestResult;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The default BBR chain over the static seed mappings, driven through ext_proc as Envoy does. */
class BbrExchangeTest {
  private static final String MODEL = "x-gateway-model-name";
  private static final String BASE = "x-gateway-base-model-name";

  @TempDir
  Path dir;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private BbrStage stage;
  private ExtProcHarness harness;

  @BeforeEach
  void start() throws Exception {
    Path file = Bodies.writeSeedMappingFile(dir);
    stage = BbrStage.builder().staticMappings(file).metrics(registry).start();
    harness = new ExtProcHarness(stage.handlers());
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
    stage.close();
  }

  static Stream<Arguments> seedRequests() {
    return Stream.of(Bodies.SEED_MODELS).flatMap(m -> Stream.of(
        Arguments.of(m[0], m[1], "/v1/chat/completions", Bodies.chat(m[0])),
        Arguments.of(m[0], m[1], "/v1/completions", Bodies.completion(m[0]))));
  }

  @ParameterizedTest(name = "{2} {0}")
  @MethodSource("seedRequests")
  void seedModels_getModelAndBaseModelHeaders_bodyUnchanged(String model, String base, String path, String body)
      throws Exception {
    RequestResult result = harness.post(path, body, 7, ExchangeOptions.fullDuplex());

    assertThat(result.immediate()).isEmpty();
    assertThat(result.header(MODEL)).contains(model);
    assertThat(result.header(BASE)).contains(base);
    assertThat(result.header("content-length")).contains(Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
    assertThat(result.clearRouteCache()).isTrue();
    assertThat(result.body().toStringUtf8()).isEqualTo(body);
  }

  @Test
  void unknownModel_getsAnEmptyBaseModelHeader() throws Exception {
    RequestResult result = harness.post("/v1/completions", Bodies.completion("mistral-7b"));

    assertThat(result.header(MODEL)).contains("mistral-7b");
    assertThat(result.header(BASE)).contains("");
  }

  @Test
  void bodyThatIsNotJson_gets400() throws Exception {
    RequestResult result = harness.post("/v1/completions", "{\"model\": \"food-review-1\", \"prompt\": ");

    assertThat(result.immediate()).hasValueSatisfying(r -> {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).isEqualTo("inference error: BadRequest - failed to parse request body: "
          + "Unexpected end-of-input within/between Object entries at line 1, column 38");
    });
  }

  @Test
  void missingOrEmptyModel_passesThroughUnchanged_andIsCounted() throws Exception {
    String missing = "{\"prompt\":\"hi\"}";
    String empty = "{\"model\":\"\",\"prompt\":\"hi\"}";
    String nullModel = "{\"model\":null,\"prompt\":\"hi\"}";

    for (String body : List.of(missing, empty, nullModel)) {
      RequestResult result = harness.post("/v1/completions", body);
      assertThat(result.immediate()).isEmpty();
      assertThat(result.setHeaders()).containsOnlyKeys("content-length");
      assertThat(result.body().toStringUtf8()).isEqualTo(body);
    }
    String metrics = MetricsText.of(registry);
    assertThat(metrics).contains("bbr_body_field_not_found_total{field=\"model\"} 1.0");
    assertThat(metrics).contains("bbr_body_field_empty_total{field=\"model\"} 2.0");
    assertThat(metrics).contains("bbr_success_total 0.0");
  }

  @Test
  void fiveMegabyteBody_inManyChunks_modelLast_isRoutedAndEchoedInBoundedChunks() throws Exception {
    byte[] body = Bodies.largeChat("movie-critique", 5 * 1024 * 1024, false).getBytes(StandardCharsets.UTF_8);

    RequestResult result = harness.post("/v1/chat/completions", body, 8_192, ExchangeOptions.fullDuplex());

    assertThat(result.header(MODEL)).contains("movie-critique");
    assertThat(result.header(BASE)).contains("deepseek/vllm-deepseek-r1");
    assertThat(result.header("content-length")).contains(Integer.toString(body.length));
    assertThat(result.body().toByteArray()).isEqualTo(body);
    assertThat(result.bodyChunkSizes()).hasSize((body.length + BodyChunks.MAX_CHUNK_BYTES - 1) / BodyChunks.MAX_CHUNK_BYTES)
        .allMatch(size -> size <= BodyChunks.MAX_CHUNK_BYTES);
  }

  @Test
  void bufferedMode_answersTheBodyMessageWithHeaders_andNoBodyMutation() throws Exception {
    String body = Bodies.chat("ski-resorts");

    RequestResult result = harness.post("/v1/chat/completions", body, 0,
        ExchangeOptions.fullDuplex().withModes(BodyMode.BUFFERED, BodyMode.NONE));

    assertThat(result.header(MODEL)).contains("ski-resorts");
    assertThat(result.header(BASE)).contains("deepseek/vllm-deepseek-r1");
    assertThat(result.header("content-length")).isEmpty();
    assertThat(result.clearRouteCache()).isTrue();
    assertThat(result.body().toStringUtf8()).isEqualTo(body);
  }

  @Test
  void bodyOverTheLimit_gets413() throws Exception {
    try (ExtProcHarness small = new ExtProcHarness(stage.handlers(), 64 * 1024)) {
      RequestResult result = small.post("/v1/chat/completions", Bodies.largeChat("ski-resorts", 100_000, true),
          16_384, ExchangeOptions.fullDuplex());

      assertThat(result.immediate()).hasValueSatisfying(r -> {
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).startsWith("inference error: PayloadTooLarge - ");
      });
    }
  }

  @Test
  void headerOnlyRequest_passesWithoutChanges() throws Exception {
    try (var exchange = harness.client().open(ExchangeOptions.fullDuplex())) {
      RequestResult result = exchange.sendRequest(java.util.Map.of(":method", "GET", ":path", "/v1/models"), null, 0, true)
          .get(10, TimeUnit.SECONDS);

      assertThat(result.immediate()).isEmpty();
      assertThat(result.setHeaders()).isEmpty();
    }
  }

  @Test
  void modelWithAControlCharacter_isRefusedWith400() throws Exception {
    RequestResult result = harness.post("/v1/completions", "{\"model\":\"food\\r\\nx-evil: 1\"}");

    assertThat(result.immediate()).hasValueSatisfying(r -> {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).isEqualTo("inference error: BadRequest - cannot set header 'X-Gateway-Model-Name': "
          + "its value from the request contains a control character");
    });
  }

  @Test
  void responseWithoutResponsePlugins_isEchoed() throws Exception {
    try (var exchange = harness.client().open(ExchangeOptions.fullDuplex())) {
      exchange.sendRequest(ExtProcHarness.headers("/v1/completions"),
          Bodies.completion("food-review-1").getBytes(StandardCharsets.UTF_8), 0, false).get(10, TimeUnit.SECONDS);
      assertThat(exchange.sendResponseHeaders(java.util.Map.of(":status", "200"), false).get(10, TimeUnit.SECONDS))
          .isEmpty();
      exchange.sendResponseBody(ByteString.copyFromUtf8("data: {\"x\":1}\n\n"), false);
      exchange.sendResponseBody(ByteString.copyFromUtf8("data: [DONE]\n\n"), true);

      assertThat(exchange.responseBodyDone().get(10, TimeUnit.SECONDS).body().toStringUtf8())
          .isEqualTo("data: {\"x\":1}\n\ndata: [DONE]\n\n");
    }
  }

  @Test
  void metrics_countSuccessesAndPluginDurations_andCarryBuildInfo() throws Exception {
    harness.post("/v1/completions", Bodies.completion("food-review-1"));
    harness.post("/v1/chat/completions", Bodies.chat("deepseek/vllm-deepseek-r1"));

    String metrics = MetricsText.of(registry);
    assertThat(metrics).contains("bbr_success_total 2.0");
    assertThat(metrics).contains("bbr_plugin_duration_seconds_count{extension_point=\"request\","
        + "plugin_name=\"model-extractor\",plugin_type=\"body-field-to-header\"} 2");
    assertThat(metrics).contains("bbr_plugin_duration_seconds_count{extension_point=\"request\","
        + "plugin_name=\"base-model-mapper\",plugin_type=\"base-model-to-header\"} 2");
    assertThat(metrics).containsPattern("bbr_info\\{build_ref=\"[^\"]+\",commit=\"[^\"]+\"} 1.0");
    assertThat(metrics).contains("# TYPE bbr_plugin_duration_seconds histogram");
  }
}
