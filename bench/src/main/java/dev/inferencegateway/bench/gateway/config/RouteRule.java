package dev.inferencegateway.bench.gateway.config;

import java.util.List;

/**
 * One HTTPRoute rule: requests matching any of {@code matches} go to one of {@code backendRefs}.
 *
 * @param matches the matches, any of which selects the rule (default: every request)
 * @param backendRefs the InferencePools, chosen by weight (at least one)
 * @param timeouts the rule's timeouts (optional)
 */
public record RouteRule(List<RouteMatch> matches, List<BackendRef> backendRefs, RuleTimeouts timeouts) {
  public RouteRule {
    matches = matches == null || matches.isEmpty() ? List.of(new RouteMatch(null, null)) : List.copyOf(matches);
    if (backendRefs == null || backendRefs.isEmpty()) {
      throw new IllegalArgumentException("'backendRefs' must name at least one InferencePool");
    }
    backendRefs = List.copyOf(backendRefs);
    if (backendRefs.stream().mapToLong(BackendRef::weight).sum() == 0) {
      throw new IllegalArgumentException("'backendRefs' weights must not all be 0");
    }
    timeouts = timeouts == null ? new RuleTimeouts(null) : timeouts;
  }
}
