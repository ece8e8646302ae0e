package dev.inferencegateway.bench.sim.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inferencegateway.bench.sim.SimFleet;
import dev.inferencegateway.bench.sim.server.FaultInjector.MetricsFault;
import dev.inferencegateway.bench.sim.testing.PromText;
import dev.inferencegateway.bench.sim.testing.SimHttp;
import dev.inferencegateway.bench.sim.testing.TestFleets;
import dev.inferencegateway.bench.sim.testing.VirtualTimeFleet;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHAT = """
      {"model": "chatbot", "max_tokens": 4, "messages": [{"role": "user", "content": "What is the color of the sky?"}]}""";

  private final SimHttp http = new SimHttp();
  private SimFleet fleet;
  private SimServer server;
  private URI uri;

  @BeforeEach
  void start() throws Exception {
    fleet = SimFleet.start(TestFleets.instant(2, "chatbot"));
    server = fleet.server("test-pool-0");
    uri = server.baseUri();
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  @Test
  void errorRate_failsThatShareOfRequestsWithAServerError() throws Exception {
    server.faults().errorRate(1.0);
    HttpResponse<String> failed = http.post(uri, "/v1/chat/completions", CHAT);
    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(failed.body()).at("/error/type").asText()).isEqualTo("ServiceUnavailableError");
    assertThat(failed.headers().firstValue("x-inference-pod")).hasValue("test-pool-0");

    server.faults().errorRate(0.5).errorStatus(500);
    int failures = 0;
    for (int i = 0; i < 40; i++) {
      int status = http.post(uri, "/v1/chat/completions", CHAT).statusCode();
      assertThat(status).isIn(200, 500);
      failures += status == 500 ? 1 : 0;
    }
    assertThat(failures).isBetween(8, 32);

    server.faults().clear();
    assertThat(http.post(uri, "/v1/chat/completions", CHAT).statusCode()).isEqualTo(200);
    assertThat(http.post(fleet.server("test-pool-1").baseUri(), "/v1/chat/completions", CHAT).statusCode())
        .isEqualTo(200);
  }

  @Test
  void metricsFaults_serverErrorAndGarbage() throws Exception {
    server.faults().metricsFault(MetricsFault.SERVER_ERROR);
    assertThat(http.get(uri, "/metrics").statusCode()).isEqualTo(500);

    server.faults().metricsFault(MetricsFault.GARBAGE);
    HttpResponse<String> garbage = http.get(uri, "/metrics");
    assertThat(garbage.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> PromText.parse(garbage.body())).isInstanceOf(IllegalArgumentException.class);

    server.faults().metricsFault(MetricsFault.NONE);
    assertThat(PromText.parse(http.get(uri, "/metrics").body()).value("vllm:num_requests_running")).isZero();
    assertThat(http.post(uri, "/v1/chat/completions", CHAT).statusCode()).isEqualTo(200);
  }

  @Test
  void slowMetrics_outlastAScrapersTimeoutWhileInferenceStillWorks() throws Exception {
    server.faults().metricsDelay(Duration.ofSeconds(5));

    assertThatThrownBy(() -> http.get(uri, "/metrics", Duration.ofMillis(300))).isInstanceOf(HttpTimeoutException.class);
    assertThat(http.post(uri, "/v1/chat/completions", CHAT).statusCode()).isEqualTo(200);

    server.faults().metricsDelay(Duration.ZERO);
    assertThat(http.get(uri, "/metrics", Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
  }

  @Test
  void killedServer_refusesConnectionsAndRevivesOnTheSamePortWithAnEmptyCache() throws Exception {
    String prompt = """
        {"model": "chatbot", "max_tokens": 2, "prompt": "%s"}""".formatted("Give me restaurant recommendations. ".repeat(4));
    http.post(uri, "/v1/completions", prompt);
    assertThat(cachedTokens(http.post(uri, "/v1/completions", prompt))).isPositive();
    int port = server.port();

    server.kill();

    assertThat(server.liveness()).isEqualTo(SimServer.Liveness.DOWN);
    assertThatThrownBy(() -> http.get(uri, "/health", Duration.ofSeconds(2))).isInstanceOf(ConnectException.class);
    assertThat(http.get(fleet.server("test-pool-1").baseUri(), "/health").statusCode()).isEqualTo(200);

    server.revive();

    assertThat(server.port()).isEqualTo(port);
    assertThat(server.liveness()).isEqualTo(SimServer.Liveness.UP);
    assertThat(http.get(uri, "/health").statusCode()).isEqualTo(200);
    assertThat(cachedTokens(http.post(uri, "/v1/completions", prompt))).isZero();
  }

  @Test
  void hungServer_acceptsConnectionsButNeverAnswers() throws Exception {
    server.hang();

    assertThat(server.liveness()).isEqualTo(SimServer.Liveness.HUNG);
    assertThatThrownBy(() -> http.get(uri, "/metrics", Duration.ofMillis(300))).isInstanceOf(HttpTimeoutException.class);

    server.revive();

    assertThat(http.get(uri, "/metrics").statusCode()).isEqualTo(200);
  }

  @Test
  void killDuringAStream_cutsTheInFlightRequestAndEmptiesTheEngine() throws Exception {
    try (VirtualTimeFleet sim = new VirtualTimeFleet(TestFleets.yaml("pools: [{name: solo, model: chatbot}]"))) {
      SimServer solo = sim.fleet().server("solo-0");
      CompletableFuture<HttpResponse<String>> streaming = http.postAsync(solo.baseUri(), "/v1/chat/completions", """
          {"model": "chatbot", "max_tokens": 50, "stream": true, "messages": [{"role": "user", "content": "hi"}]}""");
      sim.awaitState(() -> solo.engine().snapshot().running() == 1);
      sim.time().advance(Duration.ofMillis(100));

      solo.kill();

      sim.awaitState(streaming::isDone);
      assertThat(streaming).satisfiesAnyOf(
          f -> assertThat(f).isCompletedExceptionally(),
          f -> assertThat(f.join().body()).doesNotContain("[DONE]"));
      assertThat(solo.engine().snapshot().running()).isZero();
      assertThat(solo.engine().snapshot().counters().successByFinishReason()).containsEntry("abort", 1L);
    }
  }

  private static int cachedTokens(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).at("/usage/prompt_tokens_details/cached_tokens").asInt();
  }
}
