package dev.inferencegateway.bench.e2e;

import static dev.inferencegateway.bench.e2e.E2eFleets.DEEPSEEK_POOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.bench.demo.DemoEpp;
import dev.inferencegateway.bench.demo.DemoStack;
import dev.inferencegateway.bench.demo.Scenarios;
import dev.inferencegateway.bench.sim.server.SimServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With the shipped {@code config/epp/lora-heavy.yaml}, a burst of requests for each adapter goes
 * to the servers that have that adapter loaded (the EPP reads {@code vllm:lora_requests_info}),
 * not to servers whose only adapter slot holds another adapter.
 */
@Timeout(90)
class AdapterAffinityE2eTest {
  private static final Path LORA_HEAVY = Path.of("..", "config", "epp", "lora-heavy.yaml");
  private static final int BURST = 24;

  @Test
  void burstsForAnAdapter_concentrateOnTheServersWithItLoaded() throws Exception {
    assertThat(LORA_HEAVY).exists();
    try (DemoStack stack = E2eStacks.startReady(DemoStack.builder(Scenarios.load(Scenarios.DEFAULT))
        .fleet(E2eFleets.seedPools(1, 3, 8, 1))
        .eppFlags(List.of("--config-file=" + LORA_HEAVY.toAbsolutePath())));
        E2eHttp http = new E2eHttp()) {
      List<SimServer> pool = stack.fleet().pool(DEEPSEEK_POOL);
      load(http, pool.get(0), "movie-critique");
      load(http, pool.get(1), "ski-resorts");
      load(http, pool.get(2), "ski-resorts");
      DemoEpp epp = stack.epp(DEEPSEEK_POOL);
      await().atMost(Duration.ofSeconds(10)).until(() -> activeModels(epp, pool.get(0)).equals(Set.of("movie-critique"))
          && activeModels(epp, pool.get(1)).equals(Set.of("ski-resorts"))
          && activeModels(epp, pool.get(2)).equals(Set.of("ski-resorts")));

      List<CompletableFuture<HttpResponse<String>>> movie = new ArrayList<>();
      List<CompletableFuture<HttpResponse<String>>> ski = new ArrayList<>();
      for (int i = 0; i < BURST; i++) {
        movie.add(http.postAsync(stack.gatewayUri(), "/v1/completions",
            E2eHttp.completion("movie-critique", "Film number " + i + " to review", 8), Map.of()));
        ski.add(http.postAsync(stack.gatewayUri(), "/v1/completions",
            E2eHttp.completion("ski-resorts", "Resort number " + i + " to rate", 8), Map.of()));
      }
      Map<String, Long> moviePods = servedBy(movie);
      Map<String, Long> skiPods = servedBy(ski);

      assertThat(moviePods.getOrDefault(pool.get(0).name(), 0L)).as("movie-critique by pod %s", moviePods)
          .isGreaterThanOrEqualTo(BURST * 9L / 10);
      assertThat(skiPods.getOrDefault(pool.get(1).name(), 0L) + skiPods.getOrDefault(pool.get(2).name(), 0L))
          .as("ski-resorts by pod %s", skiPods).isGreaterThanOrEqualTo(BURST * 9L / 10);
      assertThat(pool.get(0).engine().snapshot().loadedAdapters()).containsExactly("movie-critique");
    }
  }

  private static void load(E2eHttp http, SimServer server, String adapter) throws Exception {
    HttpResponse<String> response = http.post(server.baseUri(), "/v1/completions",
        E2eHttp.completion(adapter, "Warm up", 2));
    assertThat(response.statusCode()).isEqualTo(200);
  }

  private static Set<String> activeModels(DemoEpp epp, SimServer server) {
    return epp.datastore().endpoint(server.name()).map(e -> e.metrics().activeModels()).orElse(Set.of());
  }

  private static Map<String, Long> servedBy(List<CompletableFuture<HttpResponse<String>>> responses) {
    return responses.stream().map(CompletableFuture::join).peek(r -> assertThat(r.statusCode()).isEqualTo(200))
        .collect(Collectors.groupingBy(E2eHttp::pod, Collectors.counting()));
  }
}
