package dev.inferencegateway.bench.sim.engine;

import java.util.Arrays;

/** A Prometheus-style histogram of seconds over fixed bucket bounds. Not thread-safe. */
final class LatencyHistogram {
  /** vLLM's buckets for {@code vllm:time_to_first_token_seconds}. */
  static final double[] TTFT_BUCKETS = {0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75,
      1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0};
  /** vLLM's buckets for {@code vllm:inter_token_latency_seconds}. */
  static final double[] INTER_TOKEN_BUCKETS = {0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5,
      0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0};
  /** vLLM's buckets for the request-level latencies (e2e, queue, prefill, decode, inference). */
  static final double[] REQUEST_BUCKETS = {0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0,
      40.0, 50.0, 60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0};

  private final double[] bounds;
  private final long[] counts;
  private double sum;
  private long count;

  LatencyHistogram(double[] bounds) {
    this.bounds = bounds;
    this.counts = new long[bounds.length];
  }

  void observe(double seconds) {
    int index = Arrays.binarySearch(bounds, seconds);
    int bucket = index >= 0 ? index : -index - 1;
    if (bucket < counts.length) {
      counts[bucket]++;
    }
    sum += seconds;
    count++;
  }

  HistogramSnapshot snapshot() {
    long[] cumulative = new long[counts.length];
    long running = 0;
    for (int i = 0; i < counts.length; i++) {
      running += counts[i];
      cumulative[i] = running;
    }
    return new HistogramSnapshot(bounds.clone(), cumulative, sum, count);
  }
}
