package dev.inferencegateway.bench.gateway;

import dev.inferencegateway.bench.gateway.config.BackendRef;
import dev.inferencegateway.bench.gateway.config.HeaderMatch;
import dev.inferencegateway.bench.gateway.config.HttpRouteSpec;
import dev.inferencegateway.bench.gateway.config.MatchType;
import dev.inferencegateway.bench.gateway.config.PathMatch;
import dev.inferencegateway.bench.gateway.config.RouteMatch;
import dev.inferencegateway.bench.gateway.config.RouteRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The HTTPRoute rules compiled for matching: rules are tried in file order and the first rule with
 * a matching match wins; its backend is chosen by weight.
 */
final class RouteTable {
  private final List<CompiledRule> rules = new ArrayList<>();
  private final RandomGenerator random;

  /** The outcome of routing one request. */
  record Decision(String routeName, PoolRuntime pool, Duration requestTimeout) {}

  private record WeightedPool(PoolRuntime pool, int weight) {}

  private record CompiledRule(String routeName, List<Predicate<RequestView>> matches,
      List<WeightedPool> backends, int totalWeight, Duration timeout) {}

  /** The parts of a request that routes match on: path without query, lower-case header names. */
  record RequestView(String path, Map<String, String> headers) {}

  RouteTable(List<HttpRouteSpec> routes, Map<String, PoolRuntime> pools, Duration defaultTimeout,
      RandomGenerator random) {
    this.random = random;
    for (HttpRouteSpec route : routes) {
      for (RouteRule rule : route.rules()) {
        List<WeightedPool> backends = new ArrayList<>();
        for (BackendRef ref : rule.backendRefs()) {
          backends.add(new WeightedPool(pools.get(ref.name()), ref.weight()));
        }
        rules.add(new CompiledRule(route.name(), rule.matches().stream().map(RouteTable::compile).toList(),
            backends, backends.stream().mapToInt(WeightedPool::weight).sum(),
            rule.timeouts().request() == null ? defaultTimeout : rule.timeouts().request()));
      }
    }
  }

  /** Returns the first matching rule's decision, or empty when no rule matches. */
  Optional<Decision> route(RequestView request) {
    for (CompiledRule rule : rules) {
      if (rule.matches().stream().anyMatch(m -> m.test(request))) {
        return Optional.of(new Decision(rule.routeName(), choose(rule), rule.timeout()));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns, per header name that routes match exactly, the values they accept (for the 404 body
   * that tells a user which models are routed).
   */
  static Map<String, Set<String>> exactHeaderValues(List<HttpRouteSpec> routes) {
    Map<String, Set<String>> values = new LinkedHashMap<>();
    for (HttpRouteSpec route : routes) {
      for (RouteRule rule : route.rules()) {
        for (RouteMatch match : rule.matches()) {
          for (HeaderMatch header : match.headers()) {
            if (header.type() == MatchType.EXACT) {
              values.computeIfAbsent(header.name(), k -> new LinkedHashSet<>()).add(header.value());
            }
          }
        }
      }
    }
    return values;
  }

  private PoolRuntime choose(CompiledRule rule) {
    if (rule.backends().size() == 1) {
      return rule.backends().get(0).pool();
    }
    int ticket = random.nextInt(rule.totalWeight());
    for (WeightedPool backend : rule.backends()) {
      ticket -= backend.weight();
      if (ticket < 0) {
        return backend.pool();
      }
    }
    throw new IllegalStateException("weights exhausted");
  }

  private static Predicate<RequestView> compile(RouteMatch match) {
    Predicate<String> path = compilePath(match.path());
    List<Predicate<Map<String, String>>> headers = match.headers().stream().map(RouteTable::compileHeader).toList();
    return request -> path.test(request.path()) && headers.stream().allMatch(h -> h.test(request.headers()));
  }

  private static Predicate<String> compilePath(PathMatch match) {
    String value = match.value();
    return switch (match.type()) {
      case EXACT -> value::equals;
      case REGULAR_EXPRESSION -> Pattern.compile(value).asMatchPredicate();
      case PATH_PREFIX -> {
        String prefix = value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        yield prefix.equals("/") ? p -> true
            : p -> p.equals(prefix) || (p.startsWith(prefix) && p.charAt(prefix.length()) == '/');
      }
    };
  }

  private static Predicate<Map<String, String>> compileHeader(HeaderMatch match) {
    String name = match.name().toLowerCase(Locale.ROOT);
    Predicate<String> value = match.type() == MatchType.REGULAR_EXPRESSION
        ? Pattern.compile(match.value()).asMatchPredicate() : match.value()::equals;
    return headers -> {
      String actual = headers.get(name);
      return actual != null && value.test(actual);
    };
  }
}
