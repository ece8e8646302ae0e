package dev.inferencegateway.bench.e2e;

import static dev.inferencegateway.bench.e2e.E2eFleets.LLAMA;
import static dev.inferencegateway.bench.e2e.E2eFleets.LLAMA_POOL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.bench.demo.DemoEpp;
import dev.inferencegateway.bench.demo.DemoStack;
import dev.inferencegateway.bench.demo.Scenario;
import dev.inferencegateway.bench.demo.Scenarios;
import dev.inferencegateway.bench.sim.server.SimServer;
import dev.inferencegateway.bench.sim.testing.VirtualTimeFleet;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request naming an InferenceObjective with a negative priority (the scenario's
 * {@code batch-summaries}, declared in the EPP's static endpoints file) is dropped with 429 while
 * the pool is saturated (default utilization-detector: the mean over the servers of
 * max(queue/5, kv/0.8) reaches 1, here with 10 requests waiting on two servers that run one
 * request each), while other requests are still admitted; once the queues drain, it is
 * served. The servers run on virtual time, so the queues stay put until the test runs the clock.
 */
@Timeout(90)
class SheddingE2eTest {
  private static final String SHEDDABLE = "batch-summaries";
  private static final String CRITICAL = "food-review";
  private static final int QUEUE_THRESHOLD = 5;

  @Test
  void sheddableRequest_gets429WhileSaturated_andIsServedOnceTheQueuesDrain() throws Exception {
    Scenario scenario = Scenarios.load(Scenarios.DEFAULT);
    assertThat(scenario.objectivesOf(LLAMA_POOL)).extracting(o -> o.name() + "=" + o.priority())
        .contains(SHEDDABLE + "=-1", CRITICAL + "=1");
    try (VirtualTimeFleet fleet = new VirtualTimeFleet(E2eFleets.seedPools(2, 1, 1, 2));
        DemoStack stack = E2eStacks.startReady(DemoStack.builder(scenario).runningFleet(fleet.fleet()));
        E2eHttp http = new E2eHttp()) {
      List<SimServer> pool = stack.fleet().pool(LLAMA_POOL);
      DemoEpp epp = stack.epp(LLAMA_POOL);
      List<CompletableFuture<HttpResponse<String>>> admitted = new ArrayList<>();
      int background = pool.size() * (QUEUE_THRESHOLD + 1);
      for (int i = 0; i < background; i++) {
        admitted.add(send(http, stack, "Background job " + i, Map.of()));
      }
      int saturatingQueue = pool.size() * QUEUE_THRESHOLD;
      fleet.awaitState(() -> pool.stream().mapToInt(s -> s.engine().snapshot().waiting()).sum() == saturatingQueue);
      fleet.awaitState(() -> pool.stream().mapToInt(s -> epp.datastore().endpoint(s.name()).orElseThrow().metrics()
          .waitingQueueSize()).sum() == saturatingQueue);

      HttpResponse<String> shed = send(http, stack, "Summarize the logs", Map.of(E2eHttp.OBJECTIVE_HEADER, SHEDDABLE))
          .get();
      assertThat(shed.statusCode()).isEqualTo(429);
      assertThat(shed.body()).isEqualTo("inference error: ResourceExhausted - system saturated, sheddable request dropped");

      admitted.add(send(http, stack, "Review the bistro", Map.of(E2eHttp.OBJECTIVE_HEADER, CRITICAL)));
      admitted.add(send(http, stack, "No objective at all", Map.of()));
      fleet.awaitState(() -> pool.stream().mapToInt(s -> s.engine().snapshot().running() + s.engine().snapshot()
          .waiting()).sum() == background + 2);

      fleet.runUntil(() -> admitted.stream().allMatch(CompletableFuture::isDone));
      assertThat(admitted).allSatisfy(r -> assertThat(r.get().statusCode()).isEqualTo(200));
      fleet.awaitState(() -> pool.stream().allMatch(s -> epp.datastore().endpoint(s.name()).orElseThrow().metrics()
          .waitingQueueSize() == 0));
      CompletableFuture<HttpResponse<String>> later = send(http, stack, "Summarize the logs",
          Map.of(E2eHttp.OBJECTIVE_HEADER, SHEDDABLE));
      fleet.runUntil(later::isDone);
      assertThat(later.get().statusCode()).isEqualTo(200);
    }
  }

  private static CompletableFuture<HttpResponse<String>> send(E2eHttp http, DemoStack stack, String prompt,
      Map<String, String> headers) {
    return http.postAsync(stack.gatewayUri(), "/v1/completions", E2eHttp.completion(LLAMA, prompt, 4), headers);
  }
}
