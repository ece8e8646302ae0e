package dev.inferencegateway.bench.gateway.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The local gateway's configuration, as read from a route file (see the package documentation)
 * or built in code.
 *
 * @param listen where the gateway listens, {@code host:port} (default {@code localhost:8080}; port
 *     0 picks a free port)
 * @param bbr the Body-Based Router called first; absent = no BBR
 * @param timeouts the time bounds (default {@link GatewayTimeouts#defaults()})
 * @param maxRequestBodyBytes the largest request body accepted, larger ones get 413 (default 64 MiB)
 * @param pools the InferencePools (at least one)
 * @param routes the HTTPRoutes, tried in order (at least one)
 */
public record GatewayConfig(String listen, BodyBasedRouterRef bbr, GatewayTimeouts timeouts,
    Long maxRequestBodyBytes, List<InferencePoolSpec> pools, List<HttpRouteSpec> routes) {
  /** The default listen address. */
  public static final String DEFAULT_LISTEN = "localhost:8080";

  public GatewayConfig {
    listen = listen == null ? DEFAULT_LISTEN : requireListen(listen);
    timeouts = timeouts == null ? GatewayTimeouts.defaults() : timeouts;
    maxRequestBodyBytes = maxRequestBodyBytes == null ? 64L * 1024 * 1024 : maxRequestBodyBytes;
    if (maxRequestBodyBytes <= 0 || maxRequestBodyBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("'maxRequestBodyBytes' must be in 1.." + (Integer.MAX_VALUE - 8));
    }
    if (pools == null || pools.isEmpty()) {
      throw new IllegalArgumentException("'pools' must define at least one InferencePool");
    }
    if (routes == null || routes.isEmpty()) {
      throw new IllegalArgumentException("'routes' must define at least one HTTPRoute");
    }
    pools = List.copyOf(pools);
    routes = List.copyOf(routes);
    checkReferences(pools, routes);
  }

  /** A configuration with default listen address, timeouts and body limit. */
  public static GatewayConfig of(BodyBasedRouterRef bbr, List<InferencePoolSpec> pools, List<HttpRouteSpec> routes) {
    return new GatewayConfig(null, bbr, null, null, pools, routes);
  }

  /** Returns this configuration listening on {@code hostPort} instead. */
  public GatewayConfig withListen(String hostPort) {
    return new GatewayConfig(hostPort, bbr, timeouts, maxRequestBodyBytes, pools, routes);
  }

  /** Returns this configuration with other timeouts. */
  public GatewayConfig withTimeouts(GatewayTimeouts newTimeouts) {
    return new GatewayConfig(listen, bbr, newTimeouts, maxRequestBodyBytes, pools, routes);
  }

  /** Returns the pool named {@code name}. */
  public InferencePoolSpec pool(String name) {
    return pools.stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no pool named '" + name + "'"));
  }

  private static String requireListen(String listen) {
    int colon = listen.lastIndexOf(':');
    int port;
    try {
      port = colon > 0 ? Integer.parseInt(listen.substring(colon + 1)) : -1;
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (colon <= 0 || port < 0 || port > 65_535) {
      throw new IllegalArgumentException("'listen' must be host:port with a port in 0..65535, got '" + listen + "'");
    }
    return listen;
  }

  private static void checkReferences(List<InferencePoolSpec> pools, List<HttpRouteSpec> routes) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < pools.size(); i++) {
      if (!names.add(pools.get(i).name())) {
        throw new IllegalArgumentException("'pools[" + i + "].name' repeats the pool name '"
            + pools.get(i).name() + "'");
      }
    }
    String known = pools.stream().map(InferencePoolSpec::name).collect(Collectors.joining(", "));
    for (int r = 0; r < routes.size(); r++) {
      List<RouteRule> rules = routes.get(r).rules();
      for (int u = 0; u < rules.size(); u++) {
        List<BackendRef> refs = rules.get(u).backendRefs();
        for (int b = 0; b < refs.size(); b++) {
          if (!names.contains(refs.get(b).name())) {
            throw new IllegalArgumentException("'routes[" + r + "].rules[" + u + "].backendRefs[" + b
                + "].name' names no pool: '" + refs.get(b).name() + "' (pools: " + known + ")");
          }
        }
      }
    }
  }
}
