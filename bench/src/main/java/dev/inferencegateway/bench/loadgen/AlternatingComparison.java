package dev.inferencegateway.bench.loadgen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A comparison of two targets under the same load, measured in alternating windows so that drift
 * in the machine's speed falls on both alike.
 *
 * <p>Each target is first warmed for the plan's warm-up. Then, {@code windows} times, each target
 * runs one window of the plan's duration after a short settle (not recorded); the order alternates
 * (A B, B A, A B, ...) so neither target always follows the other. Before every phase the
 * {@link Switch} is told which target is about to run, so a script can pause the idle one. Every
 * window draws fresh requests from the workload, so no request is sent twice.
 */
public final class AlternatingComparison {
  /** Told before each phase which target is about to receive load. */
  @FunctionalInterface
  public interface Switch {
    /** Prepares for load on target {@code index} (0 or 1). */
    void before(int index) throws Exception;
  }

  /** Receives each measured window as it ends. */
  @FunctionalInterface
  public interface WindowListener {
    /** Called after {@code window} was measured. */
    void onWindow(Window window);
  }

  /**
   * One measured window.
   *
   * @param target 0 or 1
   * @param round the window's round, from 1
   * @param result what the window measured
   */
  public record Window(int target, int round, RunResult result) {}

  /**
   * The outcome of a comparison.
   *
   * @param windows every measured window in the order run
   * @param throughputRatios per round, target 0's throughput over target 1's
   * @param p99Ratios per round, target 0's e2e p99 over target 1's
   */
  public record Outcome(List<Window> windows, double[] throughputRatios, double[] p99Ratios) {
    /** The median of the per-round throughput ratios. */
    public double medianThroughputRatio() {
      return median(throughputRatios);
    }

    /** The median of the per-round p99 ratios. */
    public double medianP99Ratio() {
      return median(p99Ratios);
    }

    /** The successful requests per second of {@code target} over all its windows. */
    public double throughput(int target) {
      long ok = 0;
      long nanos = 0;
      for (Window w : windows) {
        if (w.target() == target) {
          ok += w.result().stats().ok();
          nanos += w.result().measuredNanos();
        }
      }
      return nanos == 0 ? 0 : ok * 1e9 / nanos;
    }

    /** The end-to-end latencies of {@code target} over all its windows (µs). */
    public Histogram e2e(int target) {
      Histogram all = null;
      for (Window w : windows) {
        if (w.target() == target) {
          Histogram h = w.result().stats().e2eTotal();
          if (all == null) {
            all = new Histogram(h.getHighestTrackableValue(), h.getNumberOfSignificantValueDigits());
          }
          all.add(h);
        }
      }
      return all;
    }
  }

  private final LoadPlan plan;
  private final Duration settle;
  private final int windows;
  private final Workload workload;
  private final List<Target> targets;
  private final Switch onSwitch;
  private final WindowListener listener;
  private final AtomicLong issued = new AtomicLong();

  /**
   * Creates a comparison of {@code first} against {@code second}.
   *
   * @param plan the load: its warm-up is each target's initial warm-up, its duration one window
   * @param settle the unrecorded start of every window
   * @param windows the rounds (each target measured once per round)
   */
  public AlternatingComparison(LoadPlan plan, Duration settle, int windows, Workload workload,
      Target first, Target second, Switch onSwitch, WindowListener listener) {
    if (windows < 1) {
      throw new IllegalArgumentException("--windows must be >= 1, got " + windows);
    }
    if (plan.duration() == null) {
      throw new IllegalArgumentException("an alternating comparison needs --duration (one window's length)");
    }
    this.plan = plan;
    this.settle = Objects.requireNonNull(settle);
    this.windows = windows;
    this.workload = workload;
    this.targets = List.of(first, second);
    this.onSwitch = onSwitch;
    this.listener = listener;
  }

  /** Runs the warm-ups and the windows. */
  public Outcome run() throws Exception {
    for (int t = 0; t < 2; t++) {
      if (!plan.warmup().isZero()) {
        phase(t, plan.warmup(), Duration.ofSeconds(1));
      }
    }
    List<Window> done = new ArrayList<>();
    double[] throughput = new double[windows];
    double[] p99 = new double[windows];
    for (int round = 1; round <= windows; round++) {
      RunResult[] pair = new RunResult[2];
      for (int i = 0; i < 2; i++) {
        int t = round % 2 == 1 ? i : 1 - i;
        pair[t] = phase(t, settle, plan.duration());
        Window window = new Window(t, round, pair[t]);
        done.add(window);
        listener.onWindow(window);
      }
      throughput[round - 1] = ratio(pair[0].throughput(), pair[1].throughput());
      p99[round - 1] = ratio(pair[0].stats().e2eTotal().getValueAtPercentile(99),
          pair[1].stats().e2eTotal().getValueAtPercentile(99));
    }
    return new Outcome(List.copyOf(done), throughput, p99);
  }

  private RunResult phase(int target, Duration warmup, Duration measured) throws Exception {
    onSwitch.before(target);
    long offset = issued.get();
    LoadPlan window = new LoadPlan(plan.mode(), plan.concurrency(), plan.rate(), measured, 0, warmup,
        plan.seed() + offset, plan.maxInFlight(), plan.timeout());
    Workload fresh = new Workload() {
      @Override
      public RequestSpec next(long sequence) {
        issued.accumulateAndGet(offset + sequence + 1, Math::max);
        return workload.next(offset + sequence);
      }

      @Override
      public String describe() {
        return workload.describe();
      }
    };
    return new LoadRunner(window, fresh, targets.get(target), ProgressListener.NONE).run();
  }

  private static double ratio(double a, double b) {
    return b == 0 ? Double.NaN : a / b;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
