package dev.inferencegateway.bench.gateway.config;

import java.time.Duration;

/**
 * The gateway's time bounds (Go durations in the route file).
 *
 * @param extProcMessage how long to wait for each ext_proc answer (default 30s; Envoy's
 *     {@code message_timeout})
 * @param connect the upstream connect timeout per endpoint (default 5s, Envoy's default)
 * @param request the default request timeout when a rule sets none (default 300s, as the seed routes)
 * @param shutdownGrace how long stopping waits for requests in flight (default 5s)
 */
public record GatewayTimeouts(Duration extProcMessage, Duration connect, Duration request, Duration shutdownGrace) {
  public GatewayTimeouts {
    extProcMessage = positive("extProcMessage", extProcMessage, Duration.ofSeconds(30));
    connect = positive("connect", connect, Duration.ofSeconds(5));
    request = positive("request", request, Duration.ofSeconds(300));
    shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(5) : shutdownGrace;
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("'shutdownGrace' must be >= 0");
    }
  }

  /** All defaults. */
  public static GatewayTimeouts defaults() {
    return new GatewayTimeouts(null, null, null, null);
  }

  private static Duration positive(String field, Duration value, Duration fallback) {
    if (value == null) {
      return fallback;
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("'" + field + "' must be > 0");
    }
    return value;
  }
}
