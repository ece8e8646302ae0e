package dev.inferencegateway.bench.sim.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The series of {@code vllm:lora_requests_info} as vLLM leaves them: one series per distinct
 * (running, waiting) label set, whose value is the Unix time it was last set. The current label set
 * is always the one with the largest value, which is how the EPP picks it. Only the most recent
 * {@code maxSeries} label sets are kept.
 */
final class LoraInfoHistory {
  private static final double MIN_STEP_SECONDS = 1e-6;

  private final int maxSeries;
  private final LinkedHashMap<Key, Double> series = new LinkedHashMap<>();
  private double latest = Double.NEGATIVE_INFINITY;

  LoraInfoHistory(int maxSeries) {
    this.maxSeries = maxSeries;
  }

  /** Sets the series of this label set to now (kept strictly above every older series' value). */
  void record(String running, String waiting, double epochSeconds) {
    Key key = new Key(running, waiting);
    latest = Math.max(epochSeconds, latest + MIN_STEP_SECONDS);
    series.remove(key);
    series.put(key, latest);
    while (series.size() > maxSeries) {
      series.pollFirstEntry();
    }
  }

  /** The kept series, least recently set first. */
  List<EngineSnapshot.LoraSeries> snapshot() {
    List<EngineSnapshot.LoraSeries> out = new ArrayList<>(series.size());
    for (Map.Entry<Key, Double> e : series.entrySet()) {
      out.add(new EngineSnapshot.LoraSeries(e.getKey().running(), e.getKey().waiting(), e.getValue()));
    }
    return out;
  }

  private record Key(String running, String waiting) {}
}
