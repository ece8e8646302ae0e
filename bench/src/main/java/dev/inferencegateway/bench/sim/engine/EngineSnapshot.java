package dev.inferencegateway.bench.sim.engine;

import java.util.List;
import java.util.Map;

/**
 * The engine's state at one moment: what {@code /metrics} exposes and what tests inspect.
 *
 * @param running requests in the running batch
 * @param waiting requests waiting for a batch slot, an adapter or KV-cache space
 * @param kvCacheUsage fraction of KV-cache blocks held by running requests
 * @param blockSize tokens per KV-cache block
 * @param numGpuBlocks KV-cache blocks
 * @param cachedBlocks blocks whose content is in the prefix cache
 * @param maxLoras adapter slots
 * @param loadedAdapters adapters loaded in GPU slots, sorted
 * @param waitingAdapters adapters that waiting requests need and that are not loaded, sorted
 * @param loraSeries the kept {@code vllm:lora_requests_info} series, least recently set first
 * @param counters cumulative counters
 * @param histograms latency histograms
 */
public record EngineSnapshot(
    int running,
    int waiting,
    double kvCacheUsage,
    int blockSize,
    int numGpuBlocks,
    int cachedBlocks,
    int maxLoras,
    List<String> loadedAdapters,
    List<String> waitingAdapters,
    List<LoraSeries> loraSeries,
    Counters counters,
    Histograms histograms) {

  /**
   * One {@code vllm:lora_requests_info} series.
   *
   * @param runningAdapters comma-separated loaded adapters
   * @param waitingAdapters comma-separated adapters waited for
   * @param updatedEpochSeconds when this label set was last set, as Unix seconds
   */
  public record LoraSeries(String runningAdapters, String waitingAdapters, double updatedEpochSeconds) {}

  /**
   * Cumulative token and request counters.
   *
   * @param promptTokens prompt tokens prefilled (cached ones included)
   * @param generationTokens output tokens produced
   * @param prefixCacheQueries prompt tokens looked up in the prefix cache
   * @param prefixCacheHits prompt tokens found there
   * @param successByFinishReason finished requests by finish reason ({@code length}, {@code stop}, {@code abort})
   */
  public record Counters(long promptTokens, long generationTokens, long prefixCacheQueries, long prefixCacheHits,
      Map<String, Long> successByFinishReason) {}

  /**
   * The latency histograms, in seconds.
   *
   * @param timeToFirstToken arrival to first token
   * @param interTokenLatency between consecutive output tokens
   * @param endToEnd arrival to last token
   * @param queueTime arrival to admission
   * @param prefillTime admission to first token
   * @param decodeTime first token to last token
   */
  public record Histograms(HistogramSnapshot timeToFirstToken, HistogramSnapshot interTokenLatency,
      HistogramSnapshot endToEnd, HistogramSnapshot queueTime, HistogramSnapshot prefillTime,
      HistogramSnapshot decodeTime) {}
}
