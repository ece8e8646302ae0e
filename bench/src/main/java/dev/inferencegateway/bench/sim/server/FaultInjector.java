package dev.inferencegateway.bench.sim.server;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The failures one simulated server injects, switchable at run time from any thread: a fraction of
 * generation requests answered with a 5xx error, and a slow, failing or unparsable {@code /metrics}.
 * (Killing or hanging the whole server is {@link SimServer#kill()} / {@link SimServer#hang()}.)
 */
public final class FaultInjector {
  /** What {@code /metrics} returns. */
  public enum MetricsFault {
    /** The normal exposition. */
    NONE,
    /** HTTP 500 with an error text. */
    SERVER_ERROR,
    /** HTTP 200 with text that is not the Prometheus format. */
    GARBAGE
  }

  private final RandomGenerator random;
  private volatile double errorRate;
  private volatile int errorStatus = 503;
  private volatile MetricsFault metricsFault = MetricsFault.NONE;
  private volatile Duration metricsDelay = Duration.ZERO;

  /** Creates an injector that injects nothing until told to; {@code random} decides which requests fail. */
  public FaultInjector(RandomGenerator random) {
    this.random = random;
  }

  /** Fails this fraction (0 to 1) of generation requests with {@link #errorStatus()}. */
  public FaultInjector errorRate(double rate) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw new IllegalArgumentException("error rate must be within [0, 1], got " + rate);
    }
    this.errorRate = rate;
    return this;
  }

  /** Sets the status of injected errors (500 to 599; default 503). */
  public FaultInjector errorStatus(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("injected errors are 5xx, got " + status);
    }
    this.errorStatus = status;
    return this;
  }

  /** Makes {@code /metrics} fail or return garbage. */
  public FaultInjector metricsFault(MetricsFault fault) {
    this.metricsFault = Objects.requireNonNull(fault, "fault");
    return this;
  }

  /** Delays every {@code /metrics} answer by {@code delay}. */
  public FaultInjector metricsDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("metrics delay must not be negative, got " + delay);
    }
    this.metricsDelay = delay;
    return this;
  }

  /** Turns every fault off. */
  public FaultInjector clear() {
    errorRate = 0;
    errorStatus = 503;
    metricsFault = MetricsFault.NONE;
    metricsDelay = Duration.ZERO;
    return this;
  }

  /** The fraction of generation requests that fail. */
  public double errorRate() {
    return errorRate;
  }

  /** The status of injected errors. */
  public int errorStatus() {
    return errorStatus;
  }

  /** What {@code /metrics} returns. */
  public MetricsFault metricsFault() {
    return metricsFault;
  }

  /** How long {@code /metrics} waits before answering. */
  public Duration metricsDelay() {
    return metricsDelay;
  }

  /** Draws whether the next generation request fails. */
  boolean drawRequestFailure() {
    double rate = errorRate;
    if (rate <= 0) {
      return false;
    }
    synchronized (random) {
      return random.nextDouble() < rate;
    }
  }
}
