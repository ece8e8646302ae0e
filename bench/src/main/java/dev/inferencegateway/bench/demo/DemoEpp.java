package dev.inferencegateway.bench.demo;

import dev.inferencegateway.epp.core.config.ConfigException;
import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.datastore.PoolDatastore;
import dev.inferencegateway.epp.datastore.staticendpoints.StaticSource;
import dev.inferencegateway.epp.datastore.staticendpoints.StaticSourceOptions;
import dev.inferencegateway.epp.server.EppServer;
import dev.inferencegateway.epp.server.cli.EppOptions;
import dev.inferencegateway.epp.server.cli.ResolvedOptions;
import dev.inferencegateway.epp.server.cli.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * One pool's Endpoint Picker in the demo: the EPP server with the static endpoint source reading
 * the pool's endpoints file, TLS with its self-signed certificate, {@code /metrics} without
 * Kubernetes authentication, on ephemeral ports. Further flags (e.g. {@code --config-file}) are
 * the EPP's own.
 */
public final class DemoEpp implements AutoCloseable {
  /** The flags the demo always sets; later flags override them. */
  public static final List<String> DEMO_FLAGS = List.of("--grpc-port=0", "--grpc-health-port=0", "--metrics-port=0",
      "--metrics-endpoint-auth=false", "--drain-timeout=5s");

  private final String pool;
  private final EppServer server;
  private final EppOptions options;

  private DemoEpp(String pool, EppServer server, EppOptions options) {
    this.pool = pool;
    this.server = server;
    this.options = options;
  }

  /**
   * Starts the EPP of {@code pool} in {@code namespace} on the endpoints (and objectives) of
   * {@code endpointsFile}.
   *
   * @throws IllegalArgumentException for a bad flag or configuration, naming it
   * @throws IOException when a port cannot be bound
   */
  public static DemoEpp start(String pool, String namespace, Path endpointsFile, List<String> flags)
      throws IOException {
    List<String> args = new ArrayList<>(DEMO_FLAGS);
    args.add("--endpoints-file=" + endpointsFile);
    args.addAll(flags);
    EppOptions options = new EppOptions();
    ResolvedOptions resolved;
    try {
      new CommandLine(options).parseArgs(args.toArray(String[]::new));
      resolved = ResolvedOptions.resolve(options, Map.of("NAMESPACE", namespace));
    } catch (CommandLine.ParameterException | UsageException e) {
      throw new IllegalArgumentException("EPP of pool " + pool + ": invalid flags: " + e.getMessage(), e);
    }
    StaticSource source = new StaticSource(StaticSourceOptions.fromFile(endpointsFile, pool, namespace));
    EppServer server;
    try {
      server = EppServer.create(resolved, source, Optional.empty(), Clock.systemUTC());
    } catch (ConfigException e) {
      source.close();
      throw new IllegalArgumentException("EPP of pool " + pool + ": invalid configuration: " + e.getMessage(), e);
    }
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return new DemoEpp(pool, server, options);
  }

  /** The pool it picks endpoints for. */
  public String pool() {
    return pool;
  }

  /** The ext_proc address the gateway calls, {@code 127.0.0.1:<port>}. */
  public String address() {
    return "127.0.0.1:" + server.runtime().extProcPort();
  }

  /** Whether ext_proc serves TLS. */
  public boolean tls() {
    return options.secureServing;
  }

  /** The configuration it runs: the file or inline text given, else the built-in default. */
  public String configDescription() {
    if (options.configFile != null) {
      return options.configFile.toString();
    }
    return options.configText != null ? "inline (--config-text)" : "built-in default";
  }

  /** The running server. */
  public EppServer server() {
    return server;
  }

  /** The pool's datastore. */
  public PoolDatastore datastore() {
    return server.datastore();
  }

  /** Whether every endpoint of the pool has metrics fresher than {@code --metrics-staleness-threshold}. */
  public boolean hasFreshMetrics() {
    List<EndpointSnapshot> endpoints = server.datastore().endpoints();
    return !endpoints.isEmpty() && server.datastore().freshEndpoints().size() == endpoints.size();
  }

  /** Stops: NOT_SERVING, in-flight streams drained within {@code --drain-timeout}, everything closed. */
  @Override
  public void close() {
    server.shutdown();
  }
}
