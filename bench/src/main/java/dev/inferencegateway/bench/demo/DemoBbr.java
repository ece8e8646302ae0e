package dev.inferencegateway.bench.demo;

import dev.inferencegateway.bbr.embed.BbrStage;
import dev.inferencegateway.bbr.server.BbrOptions;
import dev.inferencegateway.bbr.server.BbrServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The demo's Body-Based Router: the standalone BBR server (TLS with a self-signed certificate,
 * default plugin chain) reading its base-model mappings from a static file, on ephemeral ports,
 * with its own metrics registry and no Kubernetes.
 */
public final class DemoBbr implements AutoCloseable {
  private final BbrStage stage;
  private final BbrServer server;
  private final Path mappingFile;

  private DemoBbr(BbrStage stage, BbrServer server, Path mappingFile) {
    this.stage = stage;
    this.server = server;
    this.mappingFile = mappingFile;
  }

  /**
   * Starts BBR on the mappings in {@code mappingFile}; {@code flags} are further BBR flags (e.g.
   * {@code --plugin}).
   *
   * @throws IllegalArgumentException naming the file, entry and field of bad mappings, or a bad flag
   */
  public static DemoBbr start(Path mappingFile, List<String> flags) throws IOException {
    List<String> args = new ArrayList<>(List.of("--grpc-port=0", "--grpc-health-port=0", "--metrics-port=0",
        "--metrics-endpoint-auth=false", "--base-model-file=" + mappingFile));
    args.addAll(flags);
    BbrOptions options = new BbrOptions();
    try {
      new CommandLine(options).parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException("BBR flags: " + e.getMessage(), e);
    }
    PrometheusRegistry registry = new PrometheusRegistry();
    BbrStage stage = BbrStage.builder().plugins(options.plugins()).staticMappings(mappingFile).metrics(registry)
        .start();
    return new DemoBbr(stage, BbrServer.start(options, stage, registry, Optional.empty(), Clock.systemUTC()),
        mappingFile);
  }

  /** The ext_proc address the gateway calls, {@code 127.0.0.1:<port>}. */
  public String address() {
    return "127.0.0.1:" + server.grpcPort();
  }

  /** Whether the base-model mappings have loaded (BBR's readiness). */
  public boolean isReady() {
    return stage.isReady();
  }

  /** The running server. */
  public BbrServer server() {
    return server;
  }

  /** The static mapping file it reads (re-read when it changes). */
  public Path mappingFile() {
    return mappingFile;
  }

  /** Stops serving, letting in-flight streams finish within {@code drain}. */
  public void shutdown(Duration drain) {
    server.shutdown(drain);
  }

  @Override
  public void close() {
    server.close();
  }
}
