package dev.inferencegateway.bench.loadgen;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** The live progress line (once a second) and the summary table. */
public final class ConsoleReport implements ProgressListener {
  private final PrintStream progress;

  /** Prints progress lines to {@code progress} (null for none). */
  public ConsoleReport(PrintStream progress) {
    this.progress = progress;
  }

  @Override
  public void onSecond(long second, LoadStats.Interval interval, long inFlight, LoadStats stats) {
    if (progress == null) {
      return;
    }
    if (second < 0) {
      progress.printf(Locale.ROOT, "[warm-up %3ds left] %,8d done, in flight %d%n", -second, stats.warmupCompleted(),
          inFlight);
      return;
    }
    String errors = stats.completed() - stats.ok() == 0 ? "" : " errors " + (stats.completed() - stats.ok());
    progress.printf(Locale.ROOT, "[%4ds] %,8d done %,7d/s%s in flight %d | e2e p50 %s p99 %s%s%s%n", second + 1,
        stats.completed(), interval.completed(), errors, inFlight, ms(interval.e2e(), 50), ms(interval.e2e(), 99),
        interval.ttft().getTotalCount() == 0 ? "" : " | ttft p50 " + ms(interval.ttft(), 50),
        interval.epp().getTotalCount() == 0 ? "" : " | epp p50 " + ms(interval.epp(), 50));
  }

  /** Prints the summary table of {@code result}. */
  public static void summary(PrintStream out, String target, String plan, String workload, RunResult result) {
    LoadStats stats = result.stats();
    out.println();
    out.println("target    " + target);
    out.println("load      " + plan);
    out.println("workload  " + workload);
    out.printf(Locale.ROOT, "requests  %,d completed, %,d ok, %,d failed, %,d dropped, %,d unfinished%n",
        stats.completed(), stats.ok(), stats.completed() - stats.ok(), stats.dropped(), result.unfinished());
    out.printf(Locale.ROOT, "throughput %.1f req/s over %.1f s%s%n", result.throughput(), result.measuredNanos() / 1e9,
        stats.outputTokens() == 0 ? "" : String.format(Locale.ROOT, ", %.1f output tokens/s",
            stats.outputTokens() * 1e9 / Math.max(1, result.measuredNanos())));
    out.println("outcomes  " + outcomes(stats.outcomes()));
    out.printf(Locale.ROOT, "%-10s %10s %10s %10s %10s %10s %10s%n", "ms", "count", "mean", "p50", "p90", "p99", "max");
    row(out, "e2e", stats.e2eTotal());
    row(out, "ttft", stats.ttftTotal());
    row(out, "epp", stats.eppTotal());
  }

  /** One measured window of an alternating comparison, as one line. */
  public static String window(AlternatingComparison.Window window, String label) {
    Histogram e2e = window.result().stats().e2eTotal();
    long failed = window.result().stats().completed() - window.result().stats().ok();
    return String.format(Locale.ROOT, "window %2d %-34s %9.1f req/s  e2e p50 %s p99 %s%s", window.round(), label,
        window.result().throughput(), ms(e2e, 50), ms(e2e, 99), failed == 0 ? "" : "  failed " + failed);
  }

  /** Prints the summary of an alternating comparison of target A ({@code first}) against B. */
  public static void comparison(PrintStream out, String first, String second, String workload,
      AlternatingComparison.Outcome outcome) {
    out.println();
    out.println("workload  " + workload);
    out.printf(Locale.ROOT, "%-10s %10s %10s %10s %10s %10s %10s%n", "ms", "count", "mean", "p50", "p90", "p99", "max");
    row(out, "A e2e", outcome.e2e(0));
    row(out, "B e2e", outcome.e2e(1));
    out.printf(Locale.ROOT, "throughput A %.1f req/s, B %.1f req/s (all windows)%n", outcome.throughput(0),
        outcome.throughput(1));
    out.printf(Locale.ROOT, "ratio A/B throughput median %.3f, per round %s%n", outcome.medianThroughputRatio(),
        list(outcome.throughputRatios()));
    out.printf(Locale.ROOT, "ratio A/B e2e p99 median %.3f, per round %s%n", outcome.medianP99Ratio(),
        list(outcome.p99Ratios()));
    out.println(first);
    out.println(second);
  }

  private static String list(double[] values) {
    return java.util.Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.3f", v))
        .collect(Collectors.joining(" "));
  }

  private static void row(PrintStream out, String name, Histogram h) {
    if (h.getTotalCount() == 0) {
      out.printf(Locale.ROOT, "%-10s %10d %10s %10s %10s %10s %10s%n", name, 0, "-", "-", "-", "-", "-");
      return;
    }
    out.printf(Locale.ROOT, "%-10s %10d %10.3f %10.3f %10.3f %10.3f %10.3f%n", name, h.getTotalCount(),
        h.getMean() / 1000, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
  }

  static String outcomes(Map<String, Long> outcomes) {
    return outcomes.isEmpty() ? "none" : outcomes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? "-" : String.format(Locale.ROOT, "%.2fms", h.getValueAtPercentile(percentile) / 1000.0);
  }
}
