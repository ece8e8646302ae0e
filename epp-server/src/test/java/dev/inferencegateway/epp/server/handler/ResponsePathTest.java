package dev.inferencegateway.epp.server.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.inferencegateway.epp.core.request.ApiType;
import dev.inferencegateway.epp.server.testing.Bodies;
import dev.inferencegateway.epp.server.testing.EppHarness;
import dev.inferencegateway.extproc.CloseReason;
import dev.inferencegateway.extproc.client.Exchange;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.ResponseBodyResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The response half of the ext_proc exchange: headers, streamed and buffered bodies, trailers, disconnects. */
class ResponsePathTest {
  private static final Map<String, Map<String, Object>> SERVED =
      Map.of("envoy.lb", Map.of("x-gateway-destination-endpoint-served", "192.168.1.2:8000"));
  private EppHarness epp;
  private final List<String> emitted = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    epp = EppHarness.builder().start();
  }

  @AfterEach
  void stop() throws Exception {
    epp.close();
  }

  private Exchange routed(Map<String, String> extraHeaders) throws Exception {
    Exchange exchange = epp.open(ExchangeOptions.fullDuplex().withFilterMetadata(SERVED));
    exchange.onResponseChunk(chunk -> emitted.add(chunk.toStringUtf8()));
    Map<String, String> headers = new java.util.HashMap<>(Bodies.headers(ApiType.CHAT_COMPLETIONS));
    headers.putAll(extraHeaders);
    exchange.sendRequest(headers, Bodies.of(ApiType.CHAT_COMPLETIONS, "food-review", 400), 128, false)
        .get(10, TimeUnit.SECONDS);
    return exchange;
  }

  private static ByteString utf8(String text) {
    return ByteString.copyFromUtf8(text);
  }

  @Test
  void streamedResponse_chunksPassAtOnce_pluginsRunInOrder_andUsageEndsInMetadata() throws Exception {
    Exchange exchange = routed(Map.of());
    Map<String, String> set = exchange.sendResponseHeaders(
        Map.of(":status", "200", "content-type", "text/event-stream; charset=utf-8"), false).get(10, TimeUnit.SECONDS);
    assertThat(set).containsEntry("x-went-into-resp-headers", "true")
        .containsEntry("x-conformance-test-served-endpoint", "192.168.1.2:8000");

    String one = "data: {\"model\":\"food-review\",\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n";
    String two = "data: {\"model\":\"food-review\",\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n";
    exchange.sendResponseBody(utf8(one), false);
    await().atMost(Duration.ofSeconds(5)).until(() -> emitted.size() == 1);
    exchange.sendResponseBody(utf8(two), false);
    await().atMost(Duration.ofSeconds(5)).until(() -> emitted.size() == 2);
    String last = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":10,\"total_tokens\":17,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":3}}}\n\ndata: [DONE]\n\n";
    exchange.sendResponseBody(utf8(last), true);

    ResponseBodyResult result = exchange.responseBodyDone().get(10, TimeUnit.SECONDS);
    assertThat(result.body().toStringUtf8()).isEqualTo(one + two + last);
    assertThat(result.dynamicMetadata()).containsEntry("envoy.lb", Map.of("completion_tokens", 10.0));
    assertThat(epp.bodyPlugin.calls).containsExactly("first:" + one, two, "end:" + last);
    assertThat(epp.metrics.completed).hasSize(1).first().asString().contains("in=7 out=10 cached=3");
    exchange.close();
    await().atMost(Duration.ofSeconds(5)).until(() -> epp.metrics.runningTotal() == 0 && epp.closes.size() == 1);
  }

  @Test
  void bufferedResponse_isEchoed_andPluginsRunOnceAtTheEnd() throws Exception {
    Exchange exchange = routed(Map.of());
    exchange.sendResponseHeaders(Map.of(":status", "200", "content-type", "application/json"), false)
        .get(10, TimeUnit.SECONDS);
    String part1 = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"food-review\",";
    String part2 = "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}";
    exchange.sendResponseBody(utf8(part1), false);
    await().atMost(Duration.ofSeconds(5)).until(() -> emitted.size() == 1);
    exchange.sendResponseBody(utf8(part2), true);

    ResponseBodyResult result = exchange.responseBodyDone().get(10, TimeUnit.SECONDS);
    assertThat(result.body().toStringUtf8()).isEqualTo(part1 + part2);
    assertThat(result.dynamicMetadata()).containsEntry("envoy.lb", Map.of("completion_tokens", 2.0));
    assertThat(epp.bodyPlugin.calls).containsExactly("first:end:" + part1 + part2);
  }

  @Test
  void rewrittenModel_isRestoredInBufferedAndStreamedResponses() throws Exception {
    Exchange buffered = routed(Map.of("x-gateway-model-name-rewrite", "food-review-v2"));
    buffered.sendResponseHeaders(Map.of(":status", "200", "content-type", "application/json"), false)
        .get(10, TimeUnit.SECONDS);
    buffered.sendResponseBody(utf8("{\"id\":\"c1\",\"model\":\"food-rev"), false);
    buffered.sendResponseBody(utf8("iew-v2\",\"choices\":[]}"), true);
    assertThat(buffered.responseBodyDone().get(10, TimeUnit.SECONDS).body().toStringUtf8())
        .isEqualTo("{\"id\":\"c1\",\"model\":\"food-review\",\"choices\":[]}");

    Exchange streamed = routed(Map.of("x-gateway-model-name-rewrite", "food-review-v2"));
    streamed.sendResponseHeaders(Map.of(":status", "200", "content-type", "text/event-stream"), false)
        .get(10, TimeUnit.SECONDS);
    streamed.sendResponseBody(utf8("data: {\"model\": \"food-review-v2\",\"x\":1}\n\ndata: {\"mod"), false);
    streamed.sendResponseBody(utf8("el\":\"food-review-v2\"}\n\ndata: [DONE]\n\n"), true);
    assertThat(streamed.responseBodyDone().get(10, TimeUnit.SECONDS).body().toStringUtf8())
        .isEqualTo("data: {\"model\": \"food-review\",\"x\":1}\n\ndata: {\"model\":\"food-review\"}\n\ndata: [DONE]\n\n");
  }

  @Test
  void responseTrailers_releaseAHeldBodyAndFinishTheResponse() throws Exception {
    Exchange exchange = routed(Map.of("x-gateway-model-name-rewrite", "food-review-v2"));
    exchange.sendResponseHeaders(Map.of(":status", "200", "content-type", "application/json"), false)
        .get(10, TimeUnit.SECONDS);
    exchange.sendResponseBody(utf8("{\"model\":\"food-review-v2\",\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":4}}"), false);

    exchange.sendResponseTrailers(Map.of("x-trailer", "1")).get(10, TimeUnit.SECONDS);

    assertThat(emitted).containsExactly("{\"model\":\"food-review\",\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":4}}");
    assertThat(epp.bodyPlugin.calls).hasSize(1).first().asString().startsWith("first:end:");
    assertThat(epp.metrics.completed).hasSize(1).first().asString().contains("out=4");
  }

  @Test
  void modelServerError_isCountedAsModelServerError() throws Exception {
    Exchange exchange = routed(Map.of());
    exchange.sendResponseHeaders(Map.of(":status", "503", "content-type", "application/json"), false)
        .get(10, TimeUnit.SECONDS);
    exchange.sendResponseBody(utf8("{\"error\":\"overloaded\"}"), true);
    exchange.responseBodyDone().get(10, TimeUnit.SECONDS);
    exchange.close();

    await().atMost(Duration.ofSeconds(5)).until(() -> !epp.metrics.failed.isEmpty());
    assertThat(epp.metrics.failed).containsExactly("food-review->food-review ModelServerError");
  }

  @Test
  void clientCancellingMidBody_releasesTheStream() throws Exception {
    Exchange exchange = epp.open();
    byte[] body = Bodies.of(ApiType.CHAT_COMPLETIONS, "food-review", 100_000);
    var pending = exchange.startRequest(Bodies.headers(ApiType.CHAT_COMPLETIONS));
    exchange.sendRequestBody(ByteString.copyFrom(body, 0, 30_000), false);
    exchange.sendRequestBody(ByteString.copyFrom(body, 30_000, 20_000), false);
    exchange.cancel();

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(epp.closes).contains(CloseReason.CANCELLED));
    assertThat(pending).isCompletedExceptionally();
    assertThat(epp.metrics.routed).isEmpty();
    assertThat(epp.metrics.failed).isEmpty();
    assertThat(epp.metrics.runningTotal()).isZero();
    assertThat(epp.open().sendRequest(Bodies.headers(ApiType.CHAT_COMPLETIONS), body, 10_000, false)
        .get(10, TimeUnit.SECONDS).header("x-gateway-destination-endpoint")).contains("192.168.1.2:8000");
  }

  @Test
  void disconnectDuringTheResponse_forcesCompletionOfTheResponsePlugins() throws Exception {
    Exchange exchange = routed(Map.of());
    exchange.sendResponseHeaders(Map.of(":status", "200", "content-type", "text/event-stream"), false)
        .get(10, TimeUnit.SECONDS);
    exchange.sendResponseBody(utf8("data: {\"choices\":[]}\n\n"), false);
    await().atMost(Duration.ofSeconds(5)).until(() -> emitted.size() == 1);

    exchange.cancel();

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(epp.bodyPlugin.calls)
        .containsExactly("first:data: {\"choices\":[]}\n\n", "end:"));
    await().atMost(Duration.ofSeconds(5)).until(() -> epp.metrics.runningTotal() == 0);
    assertThat(epp.metrics.completed).isEmpty();
  }
}
