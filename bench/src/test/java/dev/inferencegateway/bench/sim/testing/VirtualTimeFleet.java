package dev.inferencegateway.bench.sim.testing;

import static org.awaitility.Awaitility.await;

import dev.inferencegateway.bench.sim.SimFleet;
import dev.inferencegateway.bench.sim.fleet.FleetSpec;
import dev.inferencegateway.bench.sim.time.ManualSimTime;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fleet on real loopback HTTP whose engines run on virtual time: requests stay where they are
 * until the test runs the clock, so queue lengths and adapter states can be observed exactly.
 */
public final class VirtualTimeFleet implements AutoCloseable {
  /** The virtual clock's start. */
  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final ManualSimTime time = new ManualSimTime(START);
  private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
  private final SimFleet fleet;

  /** Starts {@code spec} on virtual time. */
  public VirtualTimeFleet(FleetSpec spec) throws IOException {
    this.fleet = SimFleet.start(spec, time, handlers);
  }

  /** The fleet. */
  public SimFleet fleet() {
    return fleet;
  }

  /** The virtual clock. */
  public ManualSimTime time() {
    return time;
  }

  /** Runs the clock until {@code condition} holds (requests arrive from other threads meanwhile). */
  public void runUntil(Callable<Boolean> condition) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(() -> {
      time.runUntilIdle();
      return condition.call();
    });
  }

  /** Waits, without running the clock, until {@code condition} holds (requests arriving over HTTP). */
  public void awaitState(Callable<Boolean> condition) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(condition);
  }

  @Override
  public void close() {
    fleet.close();
    handlers.shutdownNow();
  }
}
