package dev.inferencegateway.bench.sim;

import dev.inferencegateway.bench.sim.fleet.FleetFileException;
import dev.inferencegateway.bench.sim.fleet.FleetFiles;
import dev.inferencegateway.bench.sim.fleet.FleetSpec;
import dev.inferencegateway.bench.sim.server.SimServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Starts the simulated model servers of a fleet file, prints where each listens, writes each
 * pool's static endpoints file, and runs until interrupted (Ctrl-C stops every server).
 *
 * <pre>
 * mvn -B -ntp -pl bench -am -DskipTests -Prun \
 *   -Dexec.mainClass=dev.inferencegateway.bench.sim.SimulatorMain \
 *   -Dexec.args="--endpoints-dir target/endpoints classpath:fleets/seed-demo.yaml" package
 * </pre>
 */
@Command(name = "simulator", mixinStandardHelpOptions = true,
    description = "Runs simulated vLLM model servers on loopback ports, as described by a fleet file.")
public final class SimulatorMain implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "FLEET", defaultValue = "classpath:fleets/seed-demo.yaml",
      description = "Fleet file: a path or classpath:<resource> (default: ${DEFAULT-VALUE}).")
  private String fleetFile;

  @Option(names = "--endpoints-dir", paramLabel = "DIR",
      description = "Directory for the per-pool endpoints files <pool>-endpoints.yaml (default: none written).")
  private Path endpointsDir;

  private final PrintStream out;
  private final CountDownLatch stopped = new CountDownLatch(1);

  SimulatorMain(PrintStream out) {
    this.out = out;
  }

  /** Runs the simulator; exits 1 on a bad fleet file or a port that cannot be bound. */
  public static void main(String[] args) {
    int code = new CommandLine(new SimulatorMain(System.out)).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws Exception {
    FleetSpec spec;
    try {
      spec = FleetFiles.load(fleetFile);
    } catch (FleetFileException e) {
      System.err.println(e.getMessage());
      return 1;
    }
    SimFleet fleet = SimFleet.start(spec);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      fleet.close();
      stopped.countDown();
    }, "simulator-shutdown"));
    printFleet(fleet);
    if (endpointsDir != null) {
      for (Map.Entry<String, Path> file : EndpointsFiles.write(fleet, endpointsDir).entrySet()) {
        out.printf("endpoints of %s: %s%n", file.getKey(), file.getValue().toAbsolutePath());
      }
    }
    out.println("simulator running; Ctrl-C stops it");
    out.flush();
    stopped.await();
    return 0;
  }

  private void printFleet(SimFleet fleet) {
    for (SimServer server : fleet.servers()) {
      String adapters = server.models().adapters().isEmpty() ? "" : " + " + String.join(", ", server.models().adapters());
      out.printf("%-28s %-26s %s%s%n", server.name(), server.baseUri(), server.models().baseModel(), adapters);
    }
  }
}
