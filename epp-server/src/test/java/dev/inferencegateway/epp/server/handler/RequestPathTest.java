package dev.inferencegateway.epp.server.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.datastore.ModelRewrite;
import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.core.request.ApiType;
import dev.inferencegateway.epp.server.testing.Bodies;
import dev.inferencegateway.epp.server.testing.EppHarness;
import dev.inferencegateway.extproc.BodyChunks;
import dev.inferencegateway.extproc.BodyMode;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.RequestResult;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The request half of the ext_proc exchange, played as Envoy plays it. */
class RequestPathTest {
  private static final Set<String> EPP_HEADERS = Set.of("x-gateway-destination-endpoint", "content-length", "x-request-id");
  private EppHarness epp;

  @AfterEach
  void stop() throws Exception {
    if (epp != null) {
      epp.close();
    }
  }

  private RequestResult send(Map<String, String> headers, byte[] body, int chunk) throws Exception {
    return epp.open().sendRequest(headers, body, chunk, false).get(30, TimeUnit.SECONDS);
  }

  private RequestResult send(ExchangeOptions options, Map<String, String> headers, byte[] body) throws Exception {
    return epp.open(options).sendRequest(headers, body, 4096, false).get(30, TimeUnit.SECONDS);
  }

  static Stream<Arguments> apisAndSizes() {
    return Stream.of(ApiType.CHAT_COMPLETIONS, ApiType.COMPLETIONS, ApiType.RESPONSES, ApiType.CONVERSATIONS,
        ApiType.EMBEDDINGS).flatMap(api -> Stream.of(1024, 220 * 1024, 5 * 1024 * 1024)
            .map(size -> Arguments.of(api, size)));
  }

  @ParameterizedTest(name = "{0} {1} bytes")
  @MethodSource("apisAndSizes")
  void eachApiAndBodySize_isRoutedWithIdenticalHeaderAndMetadata_andEchoedInChunks(ApiType api, int size)
      throws Exception {
    epp = EppHarness.builder().start();
    byte[] body = Bodies.of(api, "food-review", size);

    RequestResult result = send(Bodies.headers(api), body, 16_384);

    assertThat(result.immediate()).isEmpty();
    assertThat(result.header("x-gateway-destination-endpoint")).contains("192.168.1.2:8000");
    assertThat(result.dynamicMetadata()).isEqualTo(
        Map.of("envoy.lb", Map.of("x-gateway-destination-endpoint", "192.168.1.2:8000")));
    assertThat(result.header("content-length")).contains(Integer.toString(body.length));
    assertThat(result.clearRouteCache()).isTrue();
    assertThat(result.body().toByteArray()).isEqualTo(body);
    assertThat(result.bodyChunkSizes()).allMatch(n -> n <= BodyChunks.MAX_CHUNK_BYTES)
        .hasSize(Math.max(1, (body.length + BodyChunks.MAX_CHUNK_BYTES - 1) / BodyChunks.MAX_CHUNK_BYTES));
    assertThat(result.header("x-request-id")).hasValueSatisfying(id ->
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    assertThat(result.setHeaders().keySet()).isSubsetOf(EPP_HEADERS);
    assertThat(epp.metrics.routed).containsExactly("food-review->food-review p0 " + body.length + "B");
  }

  @Test
  void emptyBody_is400() throws Exception {
    epp = EppHarness.builder().start();
    RequestResult result = send(Bodies.headers(ApiType.CHAT_COMPLETIONS), new byte[0], 0);
    assertThat(result.immediate()).hasValueSatisfying(r -> {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).isEqualTo("inference error: BadRequest - error extracting request body: the request body is empty");
    });
  }

  @Test
  void clientRequestId_andSystemOwnedHeaders_areNotReEmitted() throws Exception {
    epp = EppHarness.builder().start();
    Map<String, String> headers = new HashMap<>(Bodies.headers(ApiType.COMPLETIONS));
    headers.putAll(Map.of("x-request-id", "abc-123", "x-gateway-inference-objective", "o",
        "x-gateway-inference-fairness-id", "tenant", "x-gateway-destination-endpoint", "1.2.3.4:1"));

    RequestResult result = send(headers, Bodies.of(ApiType.COMPLETIONS, "m", 100), 30);

    assertThat(result.setHeaders().keySet()).containsExactlyInAnyOrder("x-gateway-destination-endpoint", "content-length");
  }

  @Test
  void fallbacks_areListedAfterThePrimary() throws Exception {
    epp = EppHarness.builder().targets(3).start();
    RequestResult result = send(Bodies.headers(ApiType.CHAT_COMPLETIONS), Bodies.of(ApiType.CHAT_COMPLETIONS, "m", 500), 100);

    String expected = "192.168.1.2:8000,192.168.1.1:8000,192.168.1.3:8000";
    assertThat(result.header("x-gateway-destination-endpoint")).contains(expected);
    assertThat(result.dynamicMetadata()).isEqualTo(Map.of("envoy.lb", Map.of("x-gateway-destination-endpoint", expected)));
  }

  @Test
  void subsetHints_missingEmptyMatchingAndNotMatching() throws Exception {
    epp = EppHarness.builder().start();
    byte[] body = Bodies.of(ApiType.COMPLETIONS, "m", 200);
    Map<String, String> headers = Bodies.headers(ApiType.COMPLETIONS);
    ExchangeOptions base = ExchangeOptions.fullDuplex();

    assertThat(send(base.withFilterMetadata(Map.of("envoy.lb", Map.of("other", "x"))), headers, body)
        .header("x-gateway-destination-endpoint")).contains("192.168.1.2:8000");
    assertThat(send(base.withFilterMetadata(subset(List.of("192.168.1.3:9000", "10.0.0.9:1"))), headers, body)
        .header("x-gateway-destination-endpoint")).contains("192.168.1.3:8000");
    for (List<String> hint : List.of(List.<String>of(), List.of("10.9.9.9:8000"))) {
      RequestResult rejected = send(base.withFilterMetadata(subset(hint)), headers, body);
      assertThat(rejected.immediate()).hasValueSatisfying(r -> {
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body()).isEqualTo(
            "inference error: ServiceUnavailable - failed to find endpoint candidates for serving the request");
      });
    }
  }

  private static Map<String, Map<String, Object>> subset(List<String> endpoints) {
    return Map.of("envoy.lb.subset_hint", Map.of("x-gateway-destination-endpoint-subset", endpoints));
  }

  @Test
  void everyErrorCode_hasItsStatusAndMessage() throws Exception {
    epp = EppHarness.builder().start();
    epp.datastore.objective(new Objective("batch", -1));
    Map<String, String> chat = Bodies.headers(ApiType.CHAT_COMPLETIONS);
    byte[] valid = Bodies.of(ApiType.CHAT_COMPLETIONS, "food-review", 300);

    assertRejected(send(chat, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}".getBytes(StandardCharsets.UTF_8), 7),
        400, "inference error: BadRequest - model not found in request body");
    assertRejected(send(chat, "{\"model\":\"m\",\"messages\":[]}".getBytes(StandardCharsets.UTF_8), 7), 400,
        "inference error: BadRequest - error extracting request body: invalid chat completions request: must have valid messages field");
    epp.saturation.value = 1.0;
    assertRejected(send(with(chat, "x-gateway-inference-objective", "batch"), valid, 64), 429,
        "inference error: ResourceExhausted - system saturated, sheddable request dropped");
    epp.saturation.value = 0.2;
    assertRejected(send(with(chat, "x-test-drop", "pod1,pod2,pod3"), valid, 64), 429,
        "inference error: ResourceExhausted - failed to find target endpoint: failed to run scheduler profile 'default'");
    epp.admitter.deny = true;
    assertRejected(send(chat, valid, 64), 500, "inference error: Internal - request cannot be admitted");
    epp.admitter.deny = false;
    epp.datastore.endpoints(List.of());
    assertRejected(send(chat, valid, 64), 503,
        "inference error: ServiceUnavailable - failed to find endpoint candidates for serving the request");
    assertRejected(epp.open().sendRequest(Map.of(":method", "GET", ":path", "/v1/models"), null, 0, true)
        .get(10, TimeUnit.SECONDS), 500, "inference error: Internal - no pods available in datastore");

    assertThat(epp.metrics.failed).containsExactly("-> BadRequest", "-> BadRequest",
        "food-review->food-review ResourceExhausted", "food-review->food-review ResourceExhausted",
        "food-review->food-review Internal", "food-review->food-review ServiceUnavailable", "-> Internal");
  }

  @Test
  void bodyOverTheLimit_is413() throws Exception {
    epp = EppHarness.builder().maxBodyBytes(10_000).start();
    assertRejected(send(Bodies.headers(ApiType.COMPLETIONS), Bodies.of(ApiType.COMPLETIONS, "m", 20_000), 4096), 413,
        "inference error: PayloadTooLarge - request body exceeds the limit of 10000 bytes");
  }

  @Test
  void headerOnlyRequest_getsARandomEndpoint() throws Exception {
    epp = EppHarness.builder().start();
    RequestResult result = epp.open().sendRequest(Map.of(":method", "GET", ":path", "/v1/models"), null, 0, true)
        .get(10, TimeUnit.SECONDS);

    String destination = result.header("x-gateway-destination-endpoint").orElseThrow();
    assertThat(destination).isIn("192.168.1.1:8000", "192.168.1.2:8000", "192.168.1.3:8000");
    assertThat(result.dynamicMetadata()).isEqualTo(Map.of("envoy.lb", Map.of("x-gateway-destination-endpoint", destination)));
    assertThat(result.header("content-length")).isEmpty();
  }

  @Test
  void bufferedRequestBodyMode_isAnsweredOnTheBodyMessage() throws Exception {
    epp = EppHarness.builder().start();
    byte[] body = Bodies.of(ApiType.CHAT_COMPLETIONS, "food-review", 2048);
    RequestResult result = send(ExchangeOptions.fullDuplex().withModes(BodyMode.BUFFERED, BodyMode.FULL_DUPLEX_STREAMED),
        Bodies.headers(ApiType.CHAT_COMPLETIONS), body);

    assertThat(result.header("x-gateway-destination-endpoint")).contains("192.168.1.2:8000");
    assertThat(result.clearRouteCache()).isTrue();
    assertThat(result.body().toByteArray()).isEqualTo(body);
  }

  @Test
  void rewrittenModel_isSentUpstreamWithItsNewLength() throws Exception {
    epp = EppHarness.builder().start();
    epp.datastore.modelRewrite("food-review", new ModelRewrite("food-rewrite",
        List.of(new ModelRewrite.Target("food-review-v1-with-a-longer-name", 1))));
    byte[] body = Bodies.of(ApiType.CHAT_COMPLETIONS, "food-review", 70_000);

    RequestResult result = send(Bodies.headers(ApiType.CHAT_COMPLETIONS), body, 10_000);

    String sent = result.body().toStringUtf8();
    assertThat(sent).startsWith("{\"model\":\"food-review-v1-with-a-longer-name\",\"messages\":");
    assertThat(sent.substring(sent.indexOf(",\"messages\"")))
        .isEqualTo(new String(body, StandardCharsets.UTF_8).substring(new String(body, StandardCharsets.UTF_8).indexOf(",\"messages\"")));
    assertThat(result.header("content-length")).contains(Integer.toString(result.body().size()));
    assertThat(epp.metrics.routed.get(0)).startsWith("food-review->food-review-v1-with-a-longer-name p0");
  }

  private static Map<String, String> with(Map<String, String> headers, String name, String value) {
    Map<String, String> copy = new HashMap<>(headers);
    copy.put(name, value);
    return copy;
  }

  private static void assertRejected(RequestResult result, int status, String body) {
    assertThat(result.immediate()).hasValueSatisfying(r -> {
      assertThat(r.status()).isEqualTo(status);
      assertThat(r.body()).isEqualTo(body);
    });
  }
}
