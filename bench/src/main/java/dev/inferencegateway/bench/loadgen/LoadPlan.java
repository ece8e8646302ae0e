package dev.inferencegateway.bench.loadgen;

import java.time.Duration;

/**
 * How load is offered and for how long.
 *
 * @param mode closed (fixed concurrency) or open (Poisson arrivals)
 * @param concurrency the closed-loop workers
 * @param rate the open-loop mean arrivals per second
 * @param duration the measured phase's length, or null for no time bound
 * @param maxRequests the measured requests to send, 0 for no count bound
 * @param warmup the time before measuring (requests run but are not recorded)
 * @param seed the seed of the arrivals (the workload has its own)
 * @param maxInFlight the open-loop cap; arrivals beyond it are counted as dropped
 * @param timeout how long one request may take; also how long the end waits for requests in flight
 */
public record LoadPlan(Mode mode, int concurrency, double rate, Duration duration, long maxRequests,
    Duration warmup, long seed, int maxInFlight, Duration timeout) {
  /** The load models. */
  public enum Mode {
    /** A fixed number of workers, each sending its next request when the previous one completes. */
    CLOSED,
    /** Requests arrive as a Poisson process at a mean rate, whatever the responses do. */
    OPEN
  }

  public LoadPlan {
    if (mode == Mode.CLOSED && concurrency < 1) {
      throw new IllegalArgumentException("closed loop needs --concurrency >= 1");
    }
    if (mode == Mode.OPEN && !(rate > 0)) {
      throw new IllegalArgumentException("open loop needs --rate > 0");
    }
    if ((duration == null || duration.isZero()) && maxRequests <= 0) {
      throw new IllegalArgumentException("give --duration or --requests (or both) to bound the run");
    }
    if (maxRequests < 0 || maxInFlight < 1 || warmup.isNegative() || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("--requests must be >= 0, --max-in-flight >= 1, --warmup >= 0, --timeout > 0");
    }
    duration = duration == null || duration.isZero() ? null : duration;
  }

  /** Describes the plan for the report. */
  public String describe() {
    String load = mode == Mode.CLOSED ? "closed loop, concurrency " + concurrency
        : String.format(java.util.Locale.ROOT, "open loop, Poisson %.1f req/s (seed %d, max in flight %d)", rate,
            seed, maxInFlight);
    String bound = (duration == null ? "" : "duration " + duration.toSeconds() + "s")
        + (duration != null && maxRequests > 0 ? ", " : "") + (maxRequests > 0 ? maxRequests + " requests" : "");
    return load + "; " + bound + "; warm-up " + warmup.toSeconds() + "s; timeout " + timeout.toSeconds() + "s";
  }
}
