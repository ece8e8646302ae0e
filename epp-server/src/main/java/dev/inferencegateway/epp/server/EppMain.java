package dev.inferencegateway.epp.server;

import dev.inferencegateway.epp.core.config.ConfigException;
import dev.inferencegateway.epp.datastore.EndpointSource;
import dev.inferencegateway.epp.server.cli.EppOptions;
import dev.inferencegateway.epp.server.cli.ResolvedOptions;
import dev.inferencegateway.epp.server.cli.UsageException;
import dev.inferencegateway.extproc.server.LoggingSetup;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The EPP's entry point: parses upstream's flags, loads the configuration, starts the servers and
 * shuts down gracefully on SIGTERM. Exits 2 on bad flags and 1 on a bad configuration or a failed
 * start, naming the problem.
 */
public final class EppMain {
  /** Exit code of bad flags or environment. */
  public static final int USAGE_ERROR = 2;
  /** Exit code of a bad configuration or a failed start. */
  public static final int STARTUP_ERROR = 1;

  private static final Logger LOG = LoggerFactory.getLogger(EppMain.class);

  private EppMain() {}

  /** Runs the EPP until the process is asked to stop. */
  public static void main(String[] args) throws InterruptedException {
    Launch launch = launch(args, System.getenv(), System.out, System.err);
    if (launch.server().isEmpty()) {
      System.exit(launch.exitCode());
    }
    EppServer server = launch.server().get();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdown();
      stopped.countDown();
    }, "epp-shutdown"));
    stopped.await();
  }

  /**
   * The outcome of a launch: a running server, or the exit code of a run that ended (help, version,
   * {@code --print-effective-config} or an error).
   *
   * @param server the running server
   * @param exitCode the exit code when no server runs
   */
  public record Launch(Optional<EppServer> server, int exitCode) {}

  /** Parses the flags and starts the EPP; never exits the process. */
  public static Launch launch(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    EppOptions options = new EppOptions();
    CommandLine command = new CommandLine(options);
    try {
      command.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      err.println("epp: " + e.getMessage());
      err.println("Run 'epp --help' to list the flags.");
      return new Launch(Optional.empty(), USAGE_ERROR);
    }
    if (command.isUsageHelpRequested()) {
      command.usage(out);
      return new Launch(Optional.empty(), 0);
    }
    if (command.isVersionHelpRequested()) {
      command.printVersionHelp(out);
      return new Launch(Optional.empty(), 0);
    }
    try {
      applyLogging(options);
      ResolvedOptions resolved = ResolvedOptions.resolve(options, env);
      warnAboutAcceptedOnlyFlags(options);
      return start(resolved, env, out);
    } catch (UsageException e) {
      err.println("epp: invalid flags:");
      e.getMessage().lines().forEach(line -> err.println("  - " + line));
      return new Launch(Optional.empty(), USAGE_ERROR);
    } catch (ConfigException e) {
      err.println("epp: " + e.getMessage());
      return new Launch(Optional.empty(), STARTUP_ERROR);
    } catch (KubernetesAccess.UnreachableException | IOException | IllegalArgumentException | IllegalStateException e) {
      err.println("epp: cannot start: " + e.getMessage());
      LOG.debug("startup failure", e);
      return new Launch(Optional.empty(), STARTUP_ERROR);
    }
  }

  private static Launch start(ResolvedOptions resolved, Map<String, String> env, PrintStream out) throws IOException {
    EppOptions options = resolved.options();
    Optional<KubernetesClient> kubernetes = options.printEffectiveConfig
        ? Optional.empty() : KubernetesAccess.connect(resolved);
    EndpointSource source = EndpointSources.create(resolved, env);
    EppServer server;
    try {
      server = EppServer.create(resolved, source, kubernetes, Clock.systemUTC());
    } catch (RuntimeException e) {
      source.close();
      kubernetes.ifPresent(KubernetesClient::close);
      throw e;
    }
    if (options.printEffectiveConfig) {
      out.print(server.effectiveConfigYaml());
      out.flush();
      server.close();
      return new Launch(Optional.empty(), 0);
    }
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      server.close();
      kubernetes.ifPresent(KubernetesClient::close);
      throw e;
    }
    return new Launch(Optional.of(server), 0);
  }

  private static void applyLogging(EppOptions options) {
    try {
      LoggingSetup.apply(options.logging(), false);
    } catch (IllegalArgumentException e) {
      throw new UsageException(List.of(e.getMessage()));
    }
  }

  private static void warnAboutAcceptedOnlyFlags(EppOptions options) {
    if (options.tracing) {
      LOG.debug("--tracing is accepted for compatibility; OpenTelemetry trace export is not built in");
    }
    if (options.zapStacktraceLevel != null) {
      LOG.debug("--zap-stacktrace-level is accepted for compatibility; stack traces follow the log level");
    }
  }
}
