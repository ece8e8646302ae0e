package dev.inferencegateway.bench.e2e;

import static dev.inferencegateway.bench.e2e.E2eFleets.DEEPSEEK;
import static dev.inferencegateway.bench.e2e.E2eFleets.DEEPSEEK_POOL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.bench.demo.DemoEpp;
import dev.inferencegateway.bench.demo.DemoStack;
import dev.inferencegateway.bench.demo.Scenarios;
import dev.inferencegateway.bench.sim.engine.EngineSnapshot;
import dev.inferencegateway.bench.sim.server.SimServer;
import dev.inferencegateway.bench.sim.testing.VirtualTimeFleet;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests sharing a long prompt prefix stay on the server that holds the prefix (the EPP's
 * approximate prefix index, default weights) until that server's queue reaches the
 * utilization-detector's threshold; then the next one goes elsewhere. The servers run on virtual
 * time, so every request stays where it was placed until the test runs the clock, while the EPP
 * scrapes their real {@code /metrics} over HTTP.
 */
@Timeout(90)
class PrefixAffinityE2eTest {
  private static final String SHARED_PREFIX = ("You are the concierge of a ski resort in the Alps. Answer in two"
      + " sentences, mention the snow report, the lift hours and one restaurant on the slopes. ").repeat(12);
  private static final int QUEUE_THRESHOLD = 5;

  @Test
  void sharedPrefixTraffic_sticksToItsServerUntilThatServerIsOverloaded() throws Exception {
    try (VirtualTimeFleet fleet = new VirtualTimeFleet(E2eFleets.seedPools(1, 3, 1, 2));
        DemoStack stack = E2eStacks.startReady(DemoStack.builder(Scenarios.load(Scenarios.DEFAULT))
            .runningFleet(fleet.fleet()).eppFlags(List.of("--config-text=" + E2eStacks.FILTERED_WITH_FALLBACK)));
        E2eHttp http = new E2eHttp()) {
      List<SimServer> pool = stack.fleet().pool(DEEPSEEK_POOL);
      DemoEpp epp = stack.epp(DEEPSEEK_POOL);
      List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();

      SimServer holder = null;
      for (int i = 0; i <= QUEUE_THRESHOLD; i++) {
        SimServer placed = sendAndAwaitPlacement(fleet, stack, http, pool, epp, responses, i);
        holder = holder == null ? placed : holder;
        assertThat(placed.name()).as("request %d with the shared prefix", i).isEqualTo(holder.name());
      }
      assertThat(holder.engine().snapshot().waiting()).isEqualTo(QUEUE_THRESHOLD);

      SimServer overflow = sendAndAwaitPlacement(fleet, stack, http, pool, epp, responses, QUEUE_THRESHOLD + 1);
      assertThat(overflow.name()).as("the request after the holder's queue reached %d", QUEUE_THRESHOLD)
          .isNotEqualTo(holder.name());

      fleet.runUntil(() -> responses.stream().allMatch(CompletableFuture::isDone));
      assertThat(responses).allSatisfy(r -> assertThat(r.get().statusCode()).isEqualTo(200));
    }
  }

  /**
   * Sends request {@code index} with the shared prefix, waits until a server holds it and until
   * the EPP has scraped that server's new queue, and returns the server.
   */
  private static SimServer sendAndAwaitPlacement(VirtualTimeFleet fleet, DemoStack stack, E2eHttp http,
      List<SimServer> pool, DemoEpp epp, List<CompletableFuture<HttpResponse<String>>> responses, int index) {
    int[] before = pool.stream().mapToInt(PrefixAffinityE2eTest::requestsIn).toArray();
    responses.add(http.postAsync(stack.gatewayUri(), "/v1/completions",
        E2eHttp.completion(DEEPSEEK, SHARED_PREFIX + "Question " + index + ": is it open today?", 16), Map.of()));
    fleet.awaitState(() -> pool.stream().mapToInt(PrefixAffinityE2eTest::requestsIn).sum()
        == Arrays.stream(before).sum() + 1);
    SimServer placed = pool.stream().filter(s -> requestsIn(s) > before[pool.indexOf(s)]).findFirst().orElseThrow();
    EngineSnapshot state = placed.engine().snapshot();
    fleet.awaitState(() -> epp.datastore().endpoint(placed.name()).orElseThrow().metrics().waitingQueueSize()
        == state.waiting());
    return placed;
  }

  private static int requestsIn(SimServer server) {
    EngineSnapshot state = server.engine().snapshot();
    return state.running() + state.waiting();
  }
}
