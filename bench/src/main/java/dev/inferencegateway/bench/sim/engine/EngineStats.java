package dev.inferencegateway.bench.sim.engine;

import java.util.Map;
import java.util.TreeMap;

/** The engine's cumulative counters and latency histograms. Not thread-safe: used under the engine lock. */
final class EngineStats {
  final LatencyHistogram timeToFirstToken = new LatencyHistogram(LatencyHistogram.TTFT_BUCKETS);
  final LatencyHistogram interTokenLatency = new LatencyHistogram(LatencyHistogram.INTER_TOKEN_BUCKETS);
  final LatencyHistogram endToEnd = new LatencyHistogram(LatencyHistogram.REQUEST_BUCKETS);
  final LatencyHistogram queueTime = new LatencyHistogram(LatencyHistogram.REQUEST_BUCKETS);
  final LatencyHistogram prefillTime = new LatencyHistogram(LatencyHistogram.REQUEST_BUCKETS);
  final LatencyHistogram decodeTime = new LatencyHistogram(LatencyHistogram.REQUEST_BUCKETS);
  private final Map<String, Long> successByFinishReason = new TreeMap<>(Map.of("length", 0L, "stop", 0L, "abort", 0L));
  private long promptTokens;
  private long generationTokens;
  private long prefixQueries;
  private long prefixHits;

  void admitted(int prompt, int cached) {
    prefixQueries += prompt;
    prefixHits += cached;
  }

  void prefilled(int prompt) {
    promptTokens += prompt;
  }

  void generated() {
    generationTokens++;
  }

  void finished(String finishReason) {
    successByFinishReason.merge(finishReason, 1L, Long::sum);
  }

  EngineSnapshot.Counters counters() {
    return new EngineSnapshot.Counters(promptTokens, generationTokens, prefixQueries, prefixHits,
        Map.copyOf(successByFinishReason));
  }

  EngineSnapshot.Histograms histograms() {
    return new EngineSnapshot.Histograms(timeToFirstToken.snapshot(), interTokenLatency.snapshot(),
        endToEnd.snapshot(), queueTime.snapshot(), prefillTime.snapshot(), decodeTime.snapshot());
  }
}
