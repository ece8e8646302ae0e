package dev.inferencegateway.bench.loadgen;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * CSV output: {@code <prefix>-per-second.csv} (one row per measured second) and
 * {@code <prefix>-summary.csv} ({@code metric,value} rows).
 */
public final class CsvReport implements ProgressListener, AutoCloseable {
  private final Path prefix;
  private final PrintWriter perSecond;

  /** Opens {@code <prefix>-per-second.csv}. */
  public CsvReport(Path prefix) throws IOException {
    this.prefix = prefix;
    Path file = sibling("-per-second.csv");
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    this.perSecond = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    perSecond.println("second,completed,ok,failed,in_flight,e2e_p50_ms,e2e_p90_ms,e2e_p99_ms,e2e_max_ms,"
        + "ttft_p50_ms,ttft_p99_ms,epp_p50_ms,epp_p99_ms");
  }

  @Override
  public void onSecond(long second, LoadStats.Interval interval, long inFlight, LoadStats stats) {
    if (second < 0) {
      return;
    }
    perSecond.printf(Locale.ROOT, "%d,%d,%d,%d,%d,%s,%s,%s,%s,%s,%s,%s,%s%n", second + 1, interval.completed(),
        interval.ok(), interval.completed() - interval.ok(), inFlight, ms(interval.e2e(), 50), ms(interval.e2e(), 90),
        ms(interval.e2e(), 99), ms(interval.e2e(), 100), ms(interval.ttft(), 50), ms(interval.ttft(), 99),
        ms(interval.epp(), 50), ms(interval.epp(), 99));
    perSecond.flush();
  }

  /** Writes {@code <prefix>-summary.csv}. */
  public void summary(RunResult result) {
    LoadStats stats = result.stats();
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(sibling("-summary.csv"), StandardCharsets.UTF_8))) {
      out.println("metric,value");
      out.println("completed," + stats.completed());
      out.println("ok," + stats.ok());
      out.println("failed," + (stats.completed() - stats.ok()));
      out.println("dropped," + stats.dropped());
      out.println("unfinished," + result.unfinished());
      out.printf(Locale.ROOT, "measured_seconds,%.3f%n", result.measuredNanos() / 1e9);
      out.printf(Locale.ROOT, "throughput_rps,%.3f%n", result.throughput());
      out.println("output_tokens," + stats.outputTokens());
      stats.outcomes().forEach((outcome, count) -> out.println("outcome_" + outcome + "," + count));
      histogram(out, "e2e", stats.e2eTotal());
      histogram(out, "ttft", stats.ttftTotal());
      histogram(out, "epp", stats.eppTotal());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void histogram(PrintWriter out, String name, Histogram h) {
    out.println(name + "_count," + h.getTotalCount());
    if (h.getTotalCount() > 0) {
      out.printf(Locale.ROOT, "%s_mean_ms,%.3f%n", name, h.getMean() / 1000);
      for (double p : new double[] {50, 90, 99}) {
        out.printf(Locale.ROOT, "%s_p%d_ms,%s%n", name, (int) p, ms(h, p));
      }
      out.printf(Locale.ROOT, "%s_max_ms,%s%n", name, ms(h, 100));
    }
  }

  private Path sibling(String suffix) {
    return prefix.resolveSibling(prefix.getFileName() + suffix);
  }

  private static String ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? "" : String.format(Locale.ROOT, "%.3f", h.getValueAtPercentile(percentile) / 1000.0);
  }

  @Override
  public void close() {
    perSecond.close();
  }
}
