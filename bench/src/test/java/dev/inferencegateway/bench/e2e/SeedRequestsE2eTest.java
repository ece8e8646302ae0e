package dev.inferencegateway.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inferencegateway.bench.demo.DemoStack;
import dev.inferencegateway.bench.demo.Scenario;
import dev.inferencegateway.bench.demo.Scenarios;
import dev.inferencegateway.bench.demo.SeedRequest;
import dev.inferencegateway.bench.sim.server.SimServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every request of the seed guides, sent through the whole stack of its scenario (simulated
 * fleet, BBR, one TLS EPP per pool, the local gateway), is answered by a server of the pool its
 * HTTPRoute names, with the guide's model in the answer.
 */
@Timeout(120)
class SeedRequestsE2eTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"multi-lora", "multi-model", "model-names", "qwen-deepseek"})
  void everySeedRequest_isServedByThePoolItsRouteNames(String name) throws Exception {
    Scenario scenario = Scenarios.load(name);
    assertThat(scenario.requests()).isNotEmpty();
    try (DemoStack stack = E2eStacks.startReady(DemoStack.builder(scenario)); E2eHttp http = new E2eHttp()) {
      List<CompletableFuture<HttpResponse<String>>> responses = scenario.requests().stream()
          .map(r -> http.postAsync(stack.gatewayUri(), r.path(), r.body(), Map.of())).toList();

      SoftAssertions softly = new SoftAssertions();
      for (int i = 0; i < responses.size(); i++) {
        SeedRequest request = scenario.requests().get(i);
        HttpResponse<String> response = responses.get(i).get();
        String what = request.title() + " -> " + response.statusCode() + " " + response.body();
        softly.assertThat(response.statusCode()).as(what).isEqualTo(request.status());
        if (request.status() == 200) {
          List<String> pods = stack.fleet().pool(request.pool()).stream().map(SimServer::name).toList();
          softly.assertThat(E2eHttp.pod(response)).as(what).isIn(pods);
          JsonNode body = JSON.readTree(response.body());
          softly.assertThat(body.path("model").asText()).as(what).isEqualTo(request.model());
          softly.assertThat(body.path("usage").path("completion_tokens").asInt()).as(what).isPositive();
        } else {
          softly.assertThat(response.body()).as(what).startsWith("inference error: ");
        }
      }
      softly.assertAll();
    }
  }
}
