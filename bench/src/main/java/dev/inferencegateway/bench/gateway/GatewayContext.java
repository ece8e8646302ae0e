package dev.inferencegateway.bench.gateway;

import dev.inferencegateway.bench.gateway.config.GatewayTimeouts;
import java.util.Map;
import java.util.Set;

/**
 * What every request of a running gateway shares.
 *
 * @param bbr the Body-Based Router, or null
 * @param routes the compiled routes
 * @param routedValues per header name, the values that routes match exactly (for 404 messages)
 * @param upstream the model-server client
 * @param timeouts the time bounds
 * @param maxRequestBodyBytes the request body limit
 */
record GatewayContext(BbrRuntime bbr, RouteTable routes, Map<String, Set<String>> routedValues,
    UpstreamClient upstream, GatewayTimeouts timeouts, long maxRequestBodyBytes) {}
