package dev.inferencegateway.bench.demo;

import dev.inferencegateway.bench.gateway.config.BodyBasedRouterRef;
import dev.inferencegateway.bench.gateway.config.EndpointPickerRef;
import dev.inferencegateway.bench.gateway.config.GatewayConfig;
import dev.inferencegateway.bench.gateway.config.InferencePoolSpec;
import dev.inferencegateway.bench.sim.SimFleet;
import dev.inferencegateway.bench.sim.fleet.FleetSpec;
import dev.inferencegateway.bench.sim.fleet.PoolSpec;
import dev.inferencegateway.bench.sim.server.SimServer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds a scenario's route file to the running components: the BBR and EPP addresses become those
 * the demo started and each pool's endpoints its simulated servers; routes, timeouts, failure
 * modes and subset hints stay as written.
 */
final class GatewayBinding {
  private GatewayBinding() {}

  /** Checks that the route file's pools and the fleet's pools are the same set. */
  static void checkPools(GatewayConfig routes, FleetSpec fleet, String routesSource) {
    Set<String> routed = routes.pools().stream().map(InferencePoolSpec::name)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    Set<String> simulated = fleet.pools().stream().map(PoolSpec::name)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    for (String pool : routed) {
      if (!simulated.contains(pool)) {
        throw new IllegalArgumentException("route file " + routesSource + ": pool '" + pool
            + "' has no simulated servers in the fleet (fleet pools: " + String.join(", ", sorted(simulated)) + ")");
      }
    }
    for (String pool : simulated) {
      if (!routed.contains(pool)) {
        throw new IllegalArgumentException("fleet pool '" + pool + "' is not a pool of the route file "
            + routesSource + " (routed pools: " + String.join(", ", sorted(routed)) + "), so no request could reach it");
      }
    }
  }

  /** The route file's configuration bound to {@code listen}, the running BBR, EPPs and servers. */
  static GatewayConfig bind(GatewayConfig routes, String listen, DemoBbr bbr, Map<String, DemoEpp> epps,
      SimFleet fleet) {
    BodyBasedRouterRef router = new BodyBasedRouterRef(bbr.address(), true,
        routes.bbr() == null || routes.bbr().processResponse());
    List<InferencePoolSpec> pools = routes.pools().stream().map(pool -> {
      List<String> endpoints = fleet.pool(pool.name()).stream().map(SimServer::hostPort).toList();
      EndpointPickerRef ref = pool.endpointPickerRef();
      EndpointPickerRef bound = ref == null ? null
          : new EndpointPickerRef(epps.get(pool.name()).address(), epps.get(pool.name()).tls(), ref.failureMode(),
              ref.subsetHint());
      return new InferencePoolSpec(pool.name(), bound, endpoints);
    }).toList();
    return new GatewayConfig(listen, router, routes.timeouts(), routes.maxRequestBodyBytes(), pools, routes.routes());
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
