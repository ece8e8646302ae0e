package dev.inferencegateway.bench.loadgen;

import java.util.SplittableRandom;

/**
 * The gaps between arrivals of a Poisson process (open-loop load): exponentially distributed with
 * mean {@code 1 / rate}, drawn from a seeded generator so that a run can be repeated exactly.
 */
public final class PoissonArrivals {
  private final double meanGapNanos;
  private final SplittableRandom random;

  /** Arrivals at {@code ratePerSecond} on average, from {@code seed}. */
  public PoissonArrivals(double ratePerSecond, long seed) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be > 0, got " + ratePerSecond);
    }
    this.meanGapNanos = 1e9 / ratePerSecond;
    this.random = new SplittableRandom(seed);
  }

  /** Returns the time from the previous arrival to the next, in nanoseconds (at least 0). */
  public long nextGapNanos() {
    return Math.round(-Math.log1p(-random.nextDouble()) * meanGapNanos);
  }
}
