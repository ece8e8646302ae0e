package dev.inferencegateway.epp.server.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.inferencegateway.epp.core.request.ApiType;
import dev.inferencegateway.epp.server.testing.Bodies;
import dev.inferencegateway.epp.server.testing.EppHarness;
import dev.inferencegateway.extproc.client.Exchange;
import dev.inferencegateway.extproc.client.RequestResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Many concurrent exchanges and the main flows over a real loopback port, plaintext and TLS. */
class LoopbackStreamsTest {
  private static final String RESPONSE = "{\"id\":\"x\",\"model\":\"food-review\",\"usage\":{\"prompt_tokens\":3,"
      + "\"completion_tokens\":2}}";

  @ParameterizedTest(name = "tls={0}, {1} streams")
  @CsvSource({"false, 1000", "true, 300"})
  void concurrentStreams_allComplete(boolean tls, int streams) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (EppHarness epp = EppHarness.builder().loopback(tls).start()) {
      byte[] body = Bodies.of(ApiType.CHAT_COMPLETIONS, "food-review", 2048);
      List<CompletableFuture<String>> results = new ArrayList<>(streams);
      for (int i = 0; i < streams; i++) {
        Exchange exchange = epp.open();
        results.add(exchange.sendRequest(Bodies.headers(ApiType.CHAT_COMPLETIONS), body, 1024, false)
            .thenComposeAsync(request -> {
              assertThat(request.header("x-gateway-destination-endpoint")).contains("192.168.1.2:8000");
              return exchange.sendResponseHeaders(Map.of(":status", "200", "content-type", "application/json"), false);
            }, pool)
            .thenComposeAsync(headers -> {
              exchange.sendResponseBody(ByteString.copyFromUtf8(RESPONSE), true);
              return exchange.responseBodyDone();
            }, pool)
            .thenApplyAsync(response -> {
              exchange.close();
              return response.body().toStringUtf8();
            }, pool));
      }

      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

      assertThat(results).allSatisfy(r -> assertThat(r.join()).isEqualTo(RESPONSE));
      await().atMost(Duration.ofSeconds(30)).until(() -> epp.closes.size() == streams);
      assertThat(epp.metrics.routed).hasSize(streams);
      assertThat(epp.metrics.completed).hasSize(streams).allMatch(c -> c.endsWith("in=3 out=2 cached=0"));
      assertThat(epp.metrics.runningTotal()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void tls_largeBodyErrorsAndStreamedResponse() throws Exception {
    try (EppHarness epp = EppHarness.builder().targets(2).loopback(true).start()) {
      byte[] large = Bodies.of(ApiType.COMPLETIONS, "food-review", 5 * 1024 * 1024);
      RequestResult routed = epp.open().sendRequest(Bodies.headers(ApiType.COMPLETIONS), large, 65_536, false)
          .get(60, TimeUnit.SECONDS);
      assertThat(routed.header("x-gateway-destination-endpoint")).contains("192.168.1.2:8000,192.168.1.1:8000");
      assertThat(routed.body().toByteArray()).isEqualTo(large);

      RequestResult rejected = epp.open().sendRequest(Bodies.headers(ApiType.COMPLETIONS),
          "{\"prompt\":\"hi\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), 4, false).get(30, TimeUnit.SECONDS);
      assertThat(rejected.immediate()).hasValueSatisfying(r -> {
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("inference error: BadRequest - model not found in request body");
      });

      Exchange streamed = epp.open();
      streamed.sendRequest(Bodies.headers(ApiType.CHAT_COMPLETIONS),
          Bodies.of(ApiType.CHAT_COMPLETIONS, "food-review", 1024), 256, false).get(30, TimeUnit.SECONDS);
      streamed.sendResponseHeaders(Map.of(":status", "200", "content-type", "text/event-stream"), false)
          .get(30, TimeUnit.SECONDS);
      streamed.sendResponseBody(ByteString.copyFromUtf8("data: {\"choices\":[]}\n\n"), false);
      streamed.sendResponseBody(ByteString.copyFromUtf8("data: [DONE]\n\n"), true);
      assertThat(streamed.responseBodyDone().get(30, TimeUnit.SECONDS).body().toStringUtf8())
          .isEqualTo("data: {\"choices\":[]}\n\ndata: [DONE]\n\n");
    }
  }
}
