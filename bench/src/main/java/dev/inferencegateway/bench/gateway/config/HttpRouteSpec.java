package dev.inferencegateway.bench.gateway.config;

import java.util.Arrays;
import java.util.List;

/**
 * An HTTPRoute: a name and rules shaped like the Gateway API's {@code spec.rules}, so that the
 * rules of the seed guides' routes can be pasted in.
 *
 * @param name the route name (shown in logs and errors)
 * @param rules the rules, tried in order; the first match wins
 */
public record HttpRouteSpec(String name, List<RouteRule> rules) {
  public HttpRouteSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("'name' is required");
    }
    if (rules == null || rules.isEmpty()) {
      throw new IllegalArgumentException("'rules' must hold at least one rule");
    }
    rules = List.copyOf(rules);
  }

  /**
   * A route sending requests whose {@code header} equals one of {@code values} to {@code pool}, e.g.
   * {@code byHeader("llm-llama-route", "X-Gateway-Base-Model-Name", "vllm-llama3-8b-instruct",
   * "meta-llama/Llama-3.1-8B-Instruct")}.
   */
  public static HttpRouteSpec byHeader(String name, String header, String pool, String... values) {
    List<RouteMatch> matches = Arrays.stream(values).map(v -> RouteMatch.header(header, v)).toList();
    return new HttpRouteSpec(name, List.of(new RouteRule(matches, List.of(BackendRef.pool(pool)), null)));
  }
}
