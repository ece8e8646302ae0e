package dev.inferencegateway.bench.demo;

import dev.inferencegateway.bench.gateway.LocalGateway;
import dev.inferencegateway.bench.gateway.config.GatewayConfig;
import dev.inferencegateway.bench.gateway.config.GatewayConfigLoader;
import dev.inferencegateway.bench.sim.SimFleet;
import dev.inferencegateway.bench.sim.fleet.FleetFiles;
import dev.inferencegateway.bench.sim.fleet.FleetSpec;
import dev.inferencegateway.bench.sim.fleet.PoolSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local stack of a {@link Scenario} in this JVM: the simulated fleet, the Body-Based
 * Router, one EPP per InferencePool (static endpoint source, TLS) and the local gateway, wired as
 * the seed guides wire them in a cluster. Closing it stops everything in reverse order, bounded.
 *
 * <pre>{@code
 * try (DemoStack stack = DemoStack.builder(Scenarios.load("multi-lora")).listen("127.0.0.1:0").start()) {
 *   URI gateway = stack.gatewayUri();
 * }
 * }</pre>
 */
public final class DemoStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoStack.class);
  private static final Duration BBR_DRAIN = Duration.ofSeconds(2);

  private final Scenario scenario;
  private final Path workDir;
  private final List<AutoCloseable> started = new ArrayList<>();
  private final Map<String, DemoEpp> epps = new LinkedHashMap<>();
  private SimFleet fleet;
  private DemoBbr bbr;
  private LocalGateway gateway;
  private boolean closed;

  private DemoStack(Scenario scenario, Path workDir) {
    this.scenario = scenario;
    this.workDir = workDir;
  }

  /** Describes a stack for {@code scenario}. */
  public static Builder builder(Scenario scenario) {
    return new Builder(scenario);
  }

  /** Options of a stack: the gateway's address, another fleet, further EPP and BBR flags. */
  public static final class Builder {
    private final Scenario scenario;
    private String listen = GatewayConfig.DEFAULT_LISTEN;
    private FleetSpec fleetSpec;
    private SimFleet runningFleet;
    private List<String> eppFlags = List.of();
    private List<String> bbrFlags = List.of();

    private Builder(Scenario scenario) {
      this.scenario = scenario;
    }

    /** Where the gateway listens, {@code host:port} (default {@code localhost:8080}; port 0 picks one). */
    public Builder listen(String hostPort) {
      this.listen = hostPort;
      return this;
    }

    /** Runs this fleet instead of the scenario's (its pools must be the routes' pools). */
    public Builder fleet(FleetSpec spec) {
      this.fleetSpec = spec;
      return this;
    }

    /** Uses a fleet that is already running (e.g. on virtual time); the caller closes it. */
    public Builder runningFleet(SimFleet value) {
      this.runningFleet = value;
      return this;
    }

    /** Further flags for every EPP, e.g. {@code --config-file=...}. */
    public Builder eppFlags(List<String> flags) {
      this.eppFlags = List.copyOf(flags);
      return this;
    }

    /** Further flags for BBR, e.g. {@code --plugin=...}. */
    public Builder bbrFlags(List<String> flags) {
      this.bbrFlags = List.copyOf(flags);
      return this;
    }

    /**
     * Starts the stack; on failure, stops what was started.
     *
     * @throws IllegalArgumentException for a bad scenario, fleet, route file, mapping or flag (naming it)
     * @throws IOException when a port cannot be bound
     */
    public DemoStack start() throws IOException {
      DemoStack stack = new DemoStack(scenario, Files.createTempDirectory("inference-gateway-demo-"));
      try {
        stack.startAll(this);
        return stack;
      } catch (IOException | RuntimeException e) {
        stack.close();
        throw e;
      }
    }
  }

  private void startAll(Builder options) throws IOException {
    GatewayConfig routes = GatewayConfigLoader.load(scenario.routes());
    if (options.runningFleet != null) {
      fleet = options.runningFleet;
    } else {
      fleet = track(SimFleet.start(options.fleetSpec != null ? options.fleetSpec : FleetFiles.load(scenario.fleet())));
    }
    GatewayBinding.checkPools(routes, fleet.spec(), scenario.routes());
    bbr = track(DemoBbr.start(PoolFiles.writeBaseModels(workDir, scenario.baseModels()), options.bbrFlags));
    for (PoolSpec pool : fleet.spec().pools()) {
      if (routes.pool(pool.name()).endpointPickerRef() == null) {
        continue;
      }
      Path endpoints = PoolFiles.writeEndpoints(workDir, pool.name(), fleet.pool(pool.name()),
          scenario.objectivesOf(pool.name()));
      epps.put(pool.name(), track(DemoEpp.start(pool.name(), pool.namespace(), endpoints, options.eppFlags)));
    }
    GatewayConfig bound = GatewayBinding.bind(routes, options.listen, bbr, epps, fleet);
    try {
      gateway = track(LocalGateway.start(bound));
    } catch (IOException e) {
      throw new GatewayBindException(bound.listen(), e);
    }
  }

  /** The local gateway could not listen on its address (e.g. the port is taken). */
  public static final class GatewayBindException extends IOException {
    private final String listen;

    GatewayBindException(String listen, IOException cause) {
      super("the local gateway cannot listen on " + listen + ": " + cause.getMessage(), cause);
      this.listen = listen;
    }

    /** The address, {@code host:port}. */
    public String listen() {
      return listen;
    }
  }

  private <T extends AutoCloseable> T track(T resource) {
    started.add(resource);
    return resource;
  }

  /** Whether BBR has its mappings and every EPP has fresh metrics of all its endpoints. */
  public boolean isReady() {
    return bbr != null && bbr.isReady() && epps.values().stream().allMatch(DemoEpp::hasFreshMetrics);
  }

  /** The scenario it runs. */
  public Scenario scenario() {
    return scenario;
  }

  /** The simulated model servers. */
  public SimFleet fleet() {
    return fleet;
  }

  /** The Body-Based Router. */
  public DemoBbr bbr() {
    return bbr;
  }

  /** The EPPs by pool name, in fleet order. */
  public Map<String, DemoEpp> epps() {
    return Collections.unmodifiableMap(epps);
  }

  /** The EPP of {@code pool}. */
  public DemoEpp epp(String pool) {
    DemoEpp epp = epps.get(pool);
    if (epp == null) {
      throw new NoSuchElementException("no EPP for pool " + pool + " (pools: " + epps.keySet() + ")");
    }
    return epp;
  }

  /** The local gateway. */
  public LocalGateway gateway() {
    return gateway;
  }

  /** {@code http://host:port} of the gateway. */
  public URI gatewayUri() {
    return gateway.baseUri();
  }

  /** The directory holding the endpoints and mapping files (deleted on close). */
  public Path workDir() {
    return workDir;
  }

  /** Stops the gateway, the EPPs, BBR and the fleet it started, then deletes its files. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<AutoCloseable> reversed = new ArrayList<>(started);
    Collections.reverse(reversed);
    for (AutoCloseable resource : reversed) {
      try {
        if (resource instanceof DemoBbr router) {
          router.shutdown(BBR_DRAIN);
        } else {
          resource.close();
        }
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", resource.getClass().getSimpleName(), e.toString());
      }
    }
    deleteWorkDir();
  }

  private void deleteWorkDir() {
    try (Stream<Path> files = Files.walk(workDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot delete {}: {}", workDir, e.toString());
    }
  }
}
