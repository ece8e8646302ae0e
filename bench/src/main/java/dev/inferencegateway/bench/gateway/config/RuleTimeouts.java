package dev.inferencegateway.bench.gateway.config;

import java.time.Duration;

/**
 * An HTTPRoute rule's timeouts.
 *
 * @param request the time from forwarding the request upstream to the end of the response
 *     (Go duration, e.g. {@code 300s}); absent = the gateway's default
 */
public record RuleTimeouts(Duration request) {
  public RuleTimeouts {
    if (request != null && (request.isNegative() || request.isZero())) {
      throw new IllegalArgumentException("'request' must be > 0");
    }
  }
}
