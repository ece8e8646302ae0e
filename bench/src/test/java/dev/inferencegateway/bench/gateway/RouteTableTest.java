package dev.inferencegateway.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.bench.gateway.config.BackendRef;
import dev.inferencegateway.bench.gateway.config.HeaderMatch;
import dev.inferencegateway.bench.gateway.config.HttpRouteSpec;
import dev.inferencegateway.bench.gateway.config.InferencePoolSpec;
import dev.inferencegateway.bench.gateway.config.MatchType;
import dev.inferencegateway.bench.gateway.config.PathMatch;
import dev.inferencegateway.bench.gateway.config.RouteMatch;
import dev.inferencegateway.bench.gateway.config.RouteRule;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RouteTableTest {
  private final Map<String, PoolRuntime> pools = new HashMap<>();

  @AfterEach
  void close() {
    pools.values().forEach(p -> p.close(Duration.ZERO));
  }

  private PoolRuntime pool(String name) {
    return pools.computeIfAbsent(name, n -> new PoolRuntime(InferencePoolSpec.of(n, null, List.of("127.0.0.1:1"))));
  }

  private RouteTable table(HttpRouteSpec... routes) {
    for (HttpRouteSpec route : routes) {
      route.rules().forEach(rule -> rule.backendRefs().forEach(ref -> pool(ref.name())));
    }
    return new RouteTable(List.of(routes), pools, Duration.ofSeconds(300), new SplittableRandom(7));
  }

  private static Optional<String> poolFor(RouteTable table, String path, Map<String, String> headers) {
    return table.route(new RouteTable.RequestView(path, headers)).map(d -> d.pool().name());
  }

  @Test
  void headerNamesMatchCaseInsensitively_valuesExactly_firstRuleWins() {
    RouteTable table = table(
        HttpRouteSpec.byHeader("a", "X-Gateway-Model-Name", "pa", "food-review-1", "meta-llama/Llama-3.1-8B-Instruct"),
        HttpRouteSpec.byHeader("b", "x-gateway-model-name", "pb", "food-review-1", "ski-resorts"));

    assertThat(poolFor(table, "/v1/completions", Map.of("x-gateway-model-name", "food-review-1"))).contains("pa");
    assertThat(poolFor(table, "/v1/completions", Map.of("x-gateway-model-name", "ski-resorts"))).contains("pb");
    assertThat(poolFor(table, "/v1/completions", Map.of("x-gateway-model-name", "Ski-Resorts"))).isEmpty();
    assertThat(poolFor(table, "/v1/completions", Map.of())).isEmpty();
  }

  @Test
  void pathPrefix_matchesWholeElements() {
    RouteTable table = table(new HttpRouteSpec("r", List.of(new RouteRule(
        List.of(new RouteMatch(new PathMatch(MatchType.PATH_PREFIX, "/v1/"), List.of())),
        List.of(BackendRef.pool("p")), null))));

    assertThat(poolFor(table, "/v1", Map.of())).contains("p");
    assertThat(poolFor(table, "/v1/chat/completions", Map.of())).contains("p");
    assertThat(poolFor(table, "/v10/models", Map.of())).isEmpty();
  }

  @Test
  void allConditionsOfAMatch_mustHold_andRegexMatchesTheWholeValue() {
    RouteTable table = table(new HttpRouteSpec("r", List.of(new RouteRule(List.of(new RouteMatch(
        new PathMatch(MatchType.EXACT, "/v1/completions"),
        List.of(new HeaderMatch(MatchType.REGULAR_EXPRESSION, "x-gateway-model-name", "food-.*"),
            HeaderMatch.exact("x-tier", "gold")))), List.of(BackendRef.pool("p")), null))));

    assertThat(poolFor(table, "/v1/completions", Map.of("x-gateway-model-name", "food-review-1", "x-tier", "gold")))
        .contains("p");
    assertThat(poolFor(table, "/v1/completions", Map.of("x-gateway-model-name", "food-review-1"))).isEmpty();
    assertThat(poolFor(table, "/v1/completions", Map.of("x-gateway-model-name", "my-food-1", "x-tier", "gold")))
        .isEmpty();
    assertThat(poolFor(table, "/v1/chat/completions",
        Map.of("x-gateway-model-name", "food-review-1", "x-tier", "gold"))).isEmpty();
  }

  @Test
  void weightedBackends_splitTraffic() {
    RouteTable table = table(new HttpRouteSpec("r", List.of(new RouteRule(null,
        List.of(new BackendRef(null, null, "heavy", 3), new BackendRef(null, null, "light", 1),
            new BackendRef(null, null, "off", 0)), null))));
    Map<String, Integer> counts = new HashMap<>();

    for (int i = 0; i < 4000; i++) {
      counts.merge(poolFor(table, "/", Map.of()).orElseThrow(), 1, Integer::sum);
    }

    assertThat(counts).doesNotContainKey("off");
    assertThat(counts.get("heavy")).isBetween(2800, 3200);
    assertThat(counts.get("light")).isBetween(800, 1200);
  }

  @Test
  void ruleTimeout_overridesTheDefault() {
    RouteTable table = table(new HttpRouteSpec("r", List.of(new RouteRule(null, List.of(BackendRef.pool("p")),
        new dev.inferencegateway.bench.gateway.config.RuleTimeouts(Duration.ofSeconds(9))))));

    assertThat(table.route(new RouteTable.RequestView("/", Map.of())).orElseThrow().requestTimeout())
        .isEqualTo(Duration.ofSeconds(9));
  }
}
