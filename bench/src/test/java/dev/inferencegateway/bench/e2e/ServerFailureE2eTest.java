package dev.inferencegateway.bench.e2e;

import static dev.inferencegateway.bench.e2e.E2eFleets.DEEPSEEK;
import static dev.inferencegateway.bench.e2e.E2eFleets.DEEPSEEK_POOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.bench.demo.DemoEpp;
import dev.inferencegateway.bench.demo.DemoStack;
import dev.inferencegateway.bench.demo.Scenarios;
import dev.inferencegateway.bench.sim.server.SimServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A model server killed while traffic flows: requests sent after the kill all succeed (the
 * gateway falls back to the second endpoint the EPP names when the first refuses the
 * connection), and once the EPP's metrics of the dead server are older than the
 * utilization-detector's staleness threshold (200 ms), the EPP never picks it again.
 */
@Timeout(90)
class ServerFailureE2eTest {
  private static final int CLIENTS = 4;
  private static final Duration FILTER_STALENESS = Duration.ofMillis(200);
  private static final int REQUESTS_AFTER_STALE = 60;
  private static final int MAX_REQUESTS = 3_000;

  /** One finished request: when it started, and its status (0 when the exchange failed). */
  private record Outcome(long startNanos, int status, String pod) {}

  @Test
  void killedServer_isNoLongerPickedOnceStale_andRequestsKeepSucceeding() throws Exception {
    try (DemoStack stack = E2eStacks.startReady(DemoStack.builder(Scenarios.load(Scenarios.DEFAULT))
        .fleet(E2eFleets.seedPools(1, 3, 8, 2))
        .eppFlags(List.of("--config-text=" + E2eStacks.FILTERED_WITH_FALLBACK)));
        E2eHttp http = new E2eHttp();
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      List<SimServer> pool = stack.fleet().pool(DEEPSEEK_POOL);
      SimServer victim = pool.get(1);
      DemoEpp epp = stack.epp(DEEPSEEK_POOL);
      Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger sequence = new AtomicInteger();
      List<Future<?>> loops = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        loops.add(clients.submit(() -> {
          while (running.get() && sequence.get() < MAX_REQUESTS) {
            outcomes.add(send(http, stack, sequence.incrementAndGet()));
          }
        }));
      }

      await().atMost(Duration.ofSeconds(20)).until(() -> pool.stream().allMatch(s -> served(outcomes, s) >= 5));
      assertThat(E2eStacks.picks(epp, victim.name())).isPositive();
      long killedAt = System.nanoTime();
      victim.kill();

      await().atMost(Duration.ofSeconds(10)).until(() -> epp.datastore().endpoint(victim.name()).orElseThrow()
          .metrics().updateTime().plus(FILTER_STALENESS.multipliedBy(2)).isBefore(Instant.now()));
      long picksWhenStale = E2eStacks.picks(epp, victim.name());
      int finishedWhenStale = outcomes.size();
      await().atMost(Duration.ofSeconds(30)).until(() -> outcomes.size() >= finishedWhenStale + REQUESTS_AFTER_STALE);
      running.set(false);
      for (Future<?> loop : loops) {
        loop.get();
      }

      assertThat(E2eStacks.picks(epp, victim.name())).as("picks of the killed server after it went stale")
          .isEqualTo(picksWhenStale);
      List<Outcome> afterKill = outcomes.stream().filter(o -> o.startNanos() > killedAt).toList();
      assertThat(afterKill).hasSizeGreaterThan(REQUESTS_AFTER_STALE)
          .allSatisfy(o -> assertThat(o.status()).isEqualTo(200))
          .allSatisfy(o -> assertThat(o.pod()).isNotEqualTo(victim.name()));
      assertThat(outcomes.stream().filter(o -> o.status() != 200))
          .as("failures: only requests in flight on the killed server").hasSizeLessThanOrEqualTo(CLIENTS)
          .allSatisfy(o -> assertThat(o.startNanos()).isLessThan(killedAt));
    }
  }

  private static Outcome send(E2eHttp http, DemoStack stack, int index) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.postAsync(stack.gatewayUri(), "/v1/completions",
          E2eHttp.completion(DEEPSEEK, "Request " + index + " about the weather", 6), Map.of()).get();
      return new Outcome(start, response.statusCode(), E2eHttp.pod(response));
    } catch (Exception e) {
      return new Outcome(start, 0, "");
    }
  }

  private static long served(Queue<Outcome> outcomes, SimServer server) {
    return outcomes.stream().filter(o -> o.pod().equals(server.name())).count();
  }
}
