package dev.inferencegateway.bench.sim;

import dev.inferencegateway.bench.sim.engine.ModelEngine;
import dev.inferencegateway.bench.sim.fleet.FleetSpec;
import dev.inferencegateway.bench.sim.fleet.PoolSpec;
import dev.inferencegateway.bench.sim.server.FaultInjector;
import dev.inferencegateway.bench.sim.server.PodIdentity;
import dev.inferencegateway.bench.sim.server.ServedModels;
import dev.inferencegateway.bench.sim.server.SimPod;
import dev.inferencegateway.bench.sim.server.SimServer;
import dev.inferencegateway.bench.sim.time.SimTime;
import dev.inferencegateway.bench.sim.time.SystemSimTime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A running fleet of simulated vLLM servers in this JVM, one per replica of each pool of a
 * {@link FleetSpec}, on distinct loopback ports. Replica i of a pool is the pod
 * {@code <pool>-<i>}; its latency jitter and injected errors are seeded from the pool's seed and i,
 * its generated text from the pool's seed alone (every replica answers a prompt alike).
 */
public final class SimFleet implements AutoCloseable {
  private final FleetSpec spec;
  private final List<SimServer> servers;
  private final List<Runnable> closers;

  private SimFleet(FleetSpec spec, List<SimServer> servers, List<Runnable> closers) {
    this.spec = spec;
    this.servers = List.copyOf(servers);
    this.closers = closers;
  }

  /** Starts {@code spec} on real time, with its own clock thread and virtual-thread handlers. */
  public static SimFleet start(FleetSpec spec) throws IOException {
    SystemSimTime time = SystemSimTime.create();
    ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    List<Runnable> closers = List.of(handlers::shutdownNow, time::close);
    try {
      return start(spec, time, handlers, closers);
    } catch (IOException | RuntimeException e) {
      closers.forEach(Runnable::run);
      throw e;
    }
  }

  /**
   * Starts {@code spec} on the given time (e.g. a {@code ManualSimTime}) and handler executor,
   * which the caller owns and closes after the fleet.
   */
  public static SimFleet start(FleetSpec spec, SimTime time, ExecutorService handlers) throws IOException {
    return start(spec, time, handlers, List.of());
  }

  private static SimFleet start(FleetSpec spec, SimTime time, ExecutorService handlers, List<Runnable> closers)
      throws IOException {
    List<SimServer> started = new ArrayList<>();
    try {
      for (PoolSpec pool : spec.pools()) {
        for (int i = 0; i < pool.replicas(); i++) {
          SimServer server = new SimServer(pod(spec, pool, i, time), time, handlers);
          try {
            started.add(server.start(pool.port(i)));
          } catch (IOException e) {
            throw new IOException("pool " + pool.name() + ": cannot start " + pool.podName(i) + " on "
                + spec.host() + ":" + pool.port(i) + ": " + e.getMessage(), e);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      started.forEach(SimServer::close);
      throw e;
    }
    return new SimFleet(spec, started, closers);
  }

  private static SimPod pod(FleetSpec spec, PoolSpec pool, int index, SimTime time) {
    long replicaSeed = pool.seed() * 1_000_003L + index;
    PodIdentity identity = new PodIdentity(pool.podName(index), pool.namespace(), pool.name(), spec.host(),
        pool.labels());
    ServedModels models = new ServedModels(pool.model(), pool.adapters(), pool.maxModelLen(),
        pool.defaultMaxTokens());
    ModelEngine engine = new ModelEngine(pool.engineConfig(), models.loraEnabled(), time,
        new SplittableRandom(replicaSeed));
    FaultInjector faults = new FaultInjector(new SplittableRandom(~replicaSeed));
    return new SimPod(identity, models, engine, faults, pool.seed());
  }

  /** The fleet's specification. */
  public FleetSpec spec() {
    return spec;
  }

  /** Every server, pool by pool, replica by replica. */
  public List<SimServer> servers() {
    return servers;
  }

  /** The servers of pool {@code poolName}. */
  public List<SimServer> pool(String poolName) {
    List<SimServer> pool = servers.stream().filter(s -> s.identity().pool().equals(poolName)).toList();
    if (pool.isEmpty()) {
      throw new NoSuchElementException("no pool named " + poolName);
    }
    return pool;
  }

  /** The server of pod {@code podName}. */
  public SimServer server(String podName) {
    return servers.stream().filter(s -> s.name().equals(podName)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("no simulated pod named " + podName));
  }

  /** The servers that serve {@code model}, a base model or an adapter name. */
  public List<SimServer> serversFor(String model) {
    return servers.stream().filter(s -> model != null && s.models().resolve(model).isPresent()).toList();
  }

  /** Stops every server, then the clock and executor the fleet created. */
  @Override
  public void close() {
    servers.forEach(SimServer::close);
    closers.forEach(Runnable::run);
  }
}
