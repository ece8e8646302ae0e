package dev.inferencegateway.bench.loadgen;

/** Receives the figures of each second of a run. */
public interface ProgressListener {
  /**
   * Called once a second.
   *
   * @param second seconds since the measured phase began (negative during warm-up)
   * @param interval the measured requests completed in that second
   * @param inFlight requests in flight now
   * @param stats all figures so far
   */
  void onSecond(long second, LoadStats.Interval interval, long inFlight, LoadStats stats);

  /** A listener that ignores everything. */
  ProgressListener NONE = (second, interval, inFlight, stats) -> { };
}
