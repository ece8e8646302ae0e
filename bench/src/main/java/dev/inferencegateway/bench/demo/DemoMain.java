package dev.inferencegateway.bench.demo;

import dev.inferencegateway.bench.sim.fleet.FleetFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The one-command demo ({@code ./demo}): starts a scenario's whole stack in this JVM (simulated
 * model servers, BBR, one EPP per pool, the local gateway), prints what runs and the seed guides'
 * requests, and runs until Ctrl-C. Exits 2 on bad options and 1 when the stack cannot start.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs the seed guides' setup on this machine: simulated vLLM servers, the Body-Based Router,"
        + " one Endpoint Picker per InferencePool and a local gateway, all in one JVM.",
        "Scenarios: multi-lora (guides 000 and 002, the default), multi-model (001), model-names (003),"
            + " qwen-deepseek (004), or a scenario file."})
public final class DemoMain implements Callable<Integer> {
  /** Exit status when the stack cannot start. */
  public static final int STARTUP_FAILED = 1;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "Port of the local gateway on localhost (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--scenario", paramLabel = "NAME|FILE", defaultValue = Scenarios.DEFAULT,
      description = "Scenario to run (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--fleet", paramLabel = "FILE",
      description = "Fleet file (or classpath:<resource>) instead of the scenario's; its pools must be the routed pools.")
  String fleet;

  @Option(names = "--epp-config", paramLabel = "FILE",
      description = "EndpointPickerConfig for every EPP (default: the EPP's built-in default).")
  Path eppConfig;

  @Option(names = "--epp-flag", paramLabel = "FLAG",
      description = "A further EPP flag, e.g. --epp-flag=--refresh-metrics-interval=100ms (repeatable).")
  List<String> eppFlags = new ArrayList<>();

  private final PrintStream out;
  private final PrintStream err;
  private final CountDownLatch stop;

  private DemoMain(PrintStream out, PrintStream err, CountDownLatch stop) {
    this.out = out;
    this.err = err;
    this.stop = stop;
  }

  /** Entry point: runs until the JVM is asked to stop (Ctrl-C, SIGTERM). */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, new CountDownLatch(1)));
  }

  /**
   * Runs the demo with {@code args} until {@code stop} opens or the JVM shuts down, and returns the
   * exit status: 0 after a clean stop, 1 when the stack cannot start, 2 for bad options.
   */
  public static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop) {
    return new CommandLine(new DemoMain(out, err, stop)).setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true)).execute(args);
  }

  @Override
  public Integer call() throws InterruptedException {
    DemoStack stack;
    try {
      Scenario chosen = Scenarios.load(scenario);
      DemoStack.Builder builder = DemoStack.builder(chosen).listen("localhost:" + port).eppFlags(eppFlags());
      if (fleet != null) {
        builder.fleet(FleetFiles.load(fleet));
      }
      stack = builder.start();
    } catch (DemoStack.GatewayBindException e) {
      err.println("demo: cannot start: " + e.getMessage() + " (is another gateway or the demo running? --port picks"
          + " another port)");
      return STARTUP_FAILED;
    } catch (IOException | RuntimeException e) {
      err.println("demo: cannot start: " + e.getMessage());
      return STARTUP_FAILED;
    }
    Thread hook = new Thread(() -> {
      stack.close();
      out.println("demo stopped");
      out.flush();
    }, "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    StackReport.print(stack, out);
    awaitReady(stack);
    stop.await();
    Runtime.getRuntime().removeShutdownHook(hook);
    stack.close();
    return 0;
  }

  private List<String> eppFlags() {
    List<String> flags = new ArrayList<>();
    if (eppConfig != null) {
      flags.add("--config-file=" + eppConfig);
    }
    flags.addAll(eppFlags);
    return flags;
  }

  private void awaitReady(DemoStack stack) throws InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!stack.isReady() && System.nanoTime() < deadline) {
      if (stop.await(20, TimeUnit.MILLISECONDS)) {
        return;
      }
    }
    out.println(stack.isReady() ? "Ready: every EPP has fresh metrics of all its model servers."
        : "Not ready after " + READY_TIMEOUT.toSeconds() + "s: some EPP has no fresh metrics yet (see the log).");
  }
}
