package dev.inferencegateway.bench.loadgen;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the measured requests did: latency histograms (microseconds, 3 significant digits) for
 * end-to-end, TTFT and EPP time of successful requests, and counts by outcome. Requests record
 * concurrently; one reporting thread takes interval snapshots.
 */
public final class LoadStats {
  private static final long MAX_MICROS = 3_600_000_000L;

  private final Recorder e2e = new Recorder(MAX_MICROS, 3);
  private final Recorder ttft = new Recorder(MAX_MICROS, 3);
  private final Recorder epp = new Recorder(MAX_MICROS, 3);
  private final Histogram e2eTotal = new Histogram(MAX_MICROS, 3);
  private final Histogram ttftTotal = new Histogram(MAX_MICROS, 3);
  private final Histogram eppTotal = new Histogram(MAX_MICROS, 3);
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final LongAdder completed = new LongAdder();
  private final LongAdder ok = new LongAdder();
  private final LongAdder outputTokens = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder warmup = new LongAdder();
  private Histogram e2eInterval;
  private Histogram ttftInterval;
  private Histogram eppInterval;

  /**
   * One interval's figures.
   *
   * @param completed requests completed in the interval
   * @param ok successful ones
   * @param e2e end-to-end latencies of successful requests (µs)
   * @param ttft TTFT of successful streamed requests (µs)
   * @param epp ext_proc request-phase times (µs)
   */
  public record Interval(long completed, long ok, Histogram e2e, Histogram ttft, Histogram epp) {}

  /** Records a completed request that took {@code e2eNanos}. */
  public void record(Sample sample, long e2eNanos) {
    completed.increment();
    outcomes.computeIfAbsent(sample.outcome(), k -> new LongAdder()).increment();
    if (sample.eppNanos() >= 0) {
      epp.recordValue(clamp(sample.eppNanos()));
    }
    if (!sample.ok()) {
      return;
    }
    ok.increment();
    e2e.recordValue(clamp(e2eNanos));
    if (sample.ttftNanos() >= 0) {
      ttft.recordValue(clamp(sample.ttftNanos()));
    }
    if (sample.outputTokens() > 0) {
      outputTokens.add(sample.outputTokens());
    }
  }

  /** Counts a request completed during the warm-up (not otherwise recorded). */
  public void recordWarmup() {
    warmup.increment();
  }

  /** Returns the requests completed during the warm-up. */
  public long warmupCompleted() {
    return warmup.sum();
  }

  /** Counts an open-loop arrival that was not sent because too many requests were in flight. */
  public void recordDropped() {
    dropped.increment();
  }

  /** Takes the figures since the previous call and adds them to the totals (one thread only). */
  public Interval interval(long completedBefore, long okBefore) {
    e2eInterval = e2e.getIntervalHistogram(e2eInterval);
    ttftInterval = ttft.getIntervalHistogram(ttftInterval);
    eppInterval = epp.getIntervalHistogram(eppInterval);
    e2eTotal.add(e2eInterval);
    ttftTotal.add(ttftInterval);
    eppTotal.add(eppInterval);
    return new Interval(completed.sum() - completedBefore, ok.sum() - okBefore, e2eInterval, ttftInterval,
        eppInterval);
  }

  public long completed() {
    return completed.sum();
  }

  public long ok() {
    return ok.sum();
  }

  public long dropped() {
    return dropped.sum();
  }

  public long outputTokens() {
    return outputTokens.sum();
  }

  /** Counts by outcome ({@code "200"}, {@code "429"}, {@code "io"}, ...), sorted. */
  public Map<String, Long> outcomes() {
    Map<String, Long> out = new TreeMap<>();
    outcomes.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** The totals so far (after the last {@link #interval} call). */
  public Histogram e2eTotal() {
    return e2eTotal;
  }

  public Histogram ttftTotal() {
    return ttftTotal;
  }

  public Histogram eppTotal() {
    return eppTotal;
  }

  private static long clamp(long nanos) {
    return Math.min(MAX_MICROS, Math.max(1, nanos / 1_000));
  }
}
