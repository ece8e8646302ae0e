package dev.inferencegateway.bench.sim.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inferencegateway.bench.sim.testing.PromText;
import dev.inferencegateway.bench.sim.testing.SimHttp;
import dev.inferencegateway.bench.sim.testing.TestFleets;
import dev.inferencegateway.bench.sim.testing.VirtualTimeFleet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchingOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SimHttp http = new SimHttp();
  private VirtualTimeFleet sim;
  private SimServer server;
  private URI uri;

  @BeforeEach
  void start() throws Exception {
    sim = new VirtualTimeFleet(TestFleets.yaml("""
        pools:
          - name: llama
            model: meta-llama/Llama-3.1-8B-Instruct
            max-num-seqs: 3
        """));
    server = sim.fleet().server("llama-0");
    uri = server.baseUri();
  }

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void moreConcurrentRequestsThanMaxNumSeqs_raiseTheWaitingCountUntilTheBatchDrains() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      responses.add(http.postAsync(uri, "/v1/chat/completions", """
          {"model": "meta-llama/Llama-3.1-8B-Instruct", "max_tokens": 10, "stream": %s,
           "messages": [{"role": "user", "content": "Question number %d?"}]}""".formatted(i % 2 == 0, i)));
    }
    sim.awaitState(() -> server.engine().snapshot().waiting() == 5);

    PromText busy = PromText.parse(http.get(uri, "/metrics").body());
    assertThat(busy.value("vllm:num_requests_running")).isEqualTo(3);
    assertThat(busy.value("vllm:num_requests_waiting")).isEqualTo(5);
    assertThat(busy.value("vllm:kv_cache_usage_perc")).isPositive();

    sim.runUntil(() -> responses.stream().allMatch(CompletableFuture::isDone));

    assertThat(responses).allSatisfy(r -> assertThat(r.join().statusCode()).isEqualTo(200));
    assertThat(responses.get(1).join().body()).contains("\"completion_tokens\"");
    assertThat(SimHttp.sseData(responses.get(0).join().body())).last().isEqualTo("[DONE]");
    PromText idle = PromText.parse(http.get(uri, "/metrics").body());
    assertThat(idle.value("vllm:num_requests_running")).isZero();
    assertThat(idle.value("vllm:num_requests_waiting")).isZero();
    assertThat(idle.value("vllm:request_queue_time_seconds_count")).isEqualTo(8);
    assertThat(idle.value("vllm:request_queue_time_seconds_sum")).isPositive();
  }

  @Test
  void sharedPrefix_secondRequestReportsCachedTokensAndAShorterTimeToFirstToken() throws Exception {
    String system = "You are a helpful assistant who answers in great detail. ".repeat(6);
    String template = """
        {"model": "meta-llama/Llama-3.1-8B-Instruct", "max_tokens": 2, "ignore_eos": true,
         "messages": [{"role": "system", "content": "%s"}, {"role": "user", "content": "%s"}]}""";
    CompletableFuture<HttpResponse<String>> first = http.postAsync(uri, "/v1/chat/completions",
        template.formatted(system, "Tell me about ski deals"));
    sim.runUntil(first::isDone);
    double firstTtft = PromText.parse(http.get(uri, "/metrics").body()).value("vllm:time_to_first_token_seconds_sum");
    CompletableFuture<HttpResponse<String>> second = http.postAsync(uri, "/v1/chat/completions",
        template.formatted(system, "What are the best movies of 2025?"));
    sim.runUntil(second::isDone);
    double bothTtft = PromText.parse(http.get(uri, "/metrics").body()).value("vllm:time_to_first_token_seconds_sum");

    int cached = JSON.readTree(second.join().body()).at("/usage/prompt_tokens_details/cached_tokens").asInt();
    int prompt = JSON.readTree(second.join().body()).at("/usage/prompt_tokens").asInt();
    assertThat(JSON.readTree(first.join().body()).at("/usage/prompt_tokens_details/cached_tokens").asInt()).isZero();
    assertThat(cached).isEqualTo(80);
    double secondTtft = bothTtft - firstTtft;
    assertThat(secondTtft).isCloseTo(0.030 + (prompt - cached) * 0.00025, within(1e-9));
    assertThat(secondTtft).isLessThan(firstTtft);
  }
}
