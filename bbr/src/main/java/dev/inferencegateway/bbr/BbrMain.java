package dev.inferencegateway.bbr;

import dev.inferencegateway.bbr.embed.BbrStage;
import dev.inferencegateway.bbr.embed.BbrStageBuilder;
import dev.inferencegateway.bbr.server.BbrOptions;
import dev.inferencegateway.bbr.server.BbrServer;
import dev.inferencegateway.extproc.server.LoggingSetup;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The standalone Body-Based Router: {@code java -cp '/app/lib/*' dev.inferencegateway.bbr.BbrMain
 * [flags]}. Invalid flags, plugins or mapping file exit with status 2 and a message naming them.
 */
public final class BbrMain {
  private static final Logger LOG = LoggerFactory.getLogger(BbrMain.class);

  private BbrMain() {}

  /** Runs the server until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    PrintWriter err = new PrintWriter(System.err, true);
    Optional<BbrServer> server = start(args, new PrintWriter(System.out, true), err);
    if (server.isEmpty()) {
      System.exit(helpRequested(args) ? 0 : 2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.get().shutdown(BbrServer.DRAIN), "bbr-shutdown"));
    server.get().awaitTermination();
  }

  /**
   * Parses {@code args} and starts the server; returns empty (after printing why on {@code err}, or
   * the help on {@code out}) when it should not run.
   */
  public static Optional<BbrServer> start(String[] args, PrintWriter out, PrintWriter err) {
    return start(args, out, err, PrometheusRegistry.defaultRegistry);
  }

  /** As {@link #start(String[], PrintWriter, PrintWriter)}, registering the metrics on {@code registry}. */
  public static Optional<BbrServer> start(String[] args, PrintWriter out, PrintWriter err,
      PrometheusRegistry registry) {
    BbrOptions options = new BbrOptions();
    CommandLine commandLine = new CommandLine(options);
    try {
      commandLine.parseArgs(args);
      if (commandLine.isUsageHelpRequested() || commandLine.isVersionHelpRequested()) {
        commandLine.usage(out);
        return Optional.empty();
      }
      options.validate();
      LoggingSetup.apply(options.logging(), true);
    } catch (CommandLine.ParameterException | IllegalArgumentException e) {
      err.println("bbr: " + e.getMessage());
      return Optional.empty();
    }
    KubernetesClient kubernetes = null;
    try {
      BbrStageBuilder stage = BbrStage.builder().plugins(options.plugins()).metrics(registry);
      if (options.baseModelFile() != null) {
        stage.staticMappings(options.baseModelFile());
      }
      if (options.baseModelFile() == null || options.metricsEndpointAuth()) {
        kubernetes = new KubernetesClientBuilder().build();
      }
      if (options.baseModelFile() == null) {
        stage.configMaps(kubernetes, Optional.ofNullable(System.getenv("NAMESPACE")).filter(ns -> !ns.isBlank()));
      }
      BbrStage started = stage.start();
      return Optional.of(BbrServer.start(options, started, registry, Optional.ofNullable(kubernetes), Clock.systemUTC()));
    } catch (IllegalArgumentException e) {
      err.println("bbr: " + e.getMessage());
      closeQuietly(kubernetes);
      return Optional.empty();
    } catch (java.io.IOException | RuntimeException e) {
      LOG.error("bbr failed to start", e);
      err.println("bbr: " + e.getMessage());
      closeQuietly(kubernetes);
      return Optional.empty();
    }
  }

  private static boolean helpRequested(String[] args) {
    return java.util.Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("--help") || a.equals("-V")
        || a.equals("--version"));
  }

  private static void closeQuietly(KubernetesClient client) {
    if (client != null) {
      client.close();
    }
  }
}
