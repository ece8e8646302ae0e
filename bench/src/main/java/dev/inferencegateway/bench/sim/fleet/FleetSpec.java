package dev.inferencegateway.bench.sim.fleet;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fleet file: the simulated model servers to start in one JVM.
 *
 * @param host the loopback address every server binds (default {@code 127.0.0.1})
 * @param pools the pools (at least one)
 */
public record FleetSpec(String host, List<PoolSpec> pools) {

  /** Applies defaults and validates names, adapters and ports across pools. */
  public FleetSpec {
    host = host == null ? "127.0.0.1" : host;
    if (pools == null || pools.isEmpty()) {
      throw new IllegalArgumentException("'pools' must list at least one pool");
    }
    pools = List.copyOf(pools);
    Set<String> names = new HashSet<>();
    Map<String, String> modelOwner = new HashMap<>();
    Set<Integer> ports = new HashSet<>();
    for (PoolSpec pool : pools) {
      if (!names.add(pool.name())) {
        throw new IllegalArgumentException("'pools' has two pools named " + pool.name());
      }
      claim(modelOwner, pool.model(), pool.name());
      pool.adapters().forEach(adapter -> claim(modelOwner, adapter, pool.name()));
      for (int i = 0; i < pool.replicas(); i++) {
        if (pool.port(i) != 0 && !ports.add(pool.port(i))) {
          throw new IllegalArgumentException("'pools' pool " + pool.name() + " reuses port " + pool.port(i));
        }
      }
    }
  }

  private static void claim(Map<String, String> owners, String model, String pool) {
    String previous = owners.putIfAbsent(model, pool);
    if (previous != null) {
      throw new IllegalArgumentException("'pools' model name " + model + " is served by both " + previous + " and "
          + pool + "; base model and adapter names must be unique across pools");
    }
  }

  /** The pool named {@code name}. */
  public PoolSpec pool(String name) {
    return pools.stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no pool named " + name));
  }
}
