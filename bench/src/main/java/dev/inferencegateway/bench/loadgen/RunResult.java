package dev.inferencegateway.bench.loadgen;

/**
 * The figures of a finished run.
 *
 * @param stats what the measured requests did (totals complete)
 * @param measuredNanos from the start of measuring to the last measured completion
 * @param unfinished measured requests still in flight when the run gave up waiting for them
 */
public record RunResult(LoadStats stats, long measuredNanos, long unfinished) {
  /** Successful measured requests per second. */
  public double throughput() {
    return measuredNanos <= 0 ? 0 : stats.ok() * 1e9 / measuredNanos;
  }
}
