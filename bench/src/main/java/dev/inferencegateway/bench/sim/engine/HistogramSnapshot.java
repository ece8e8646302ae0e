package dev.inferencegateway.bench.sim.engine;

/**
 * A histogram's state at one moment.
 *
 * @param upperBounds the finite bucket bounds ({@code le}), ascending
 * @param cumulativeCounts observations at or below each bound
 * @param sum sum of all observations
 * @param count number of observations (the {@code +Inf} bucket)
 */
public record HistogramSnapshot(double[] upperBounds, long[] cumulativeCounts, double sum, long count) {}
