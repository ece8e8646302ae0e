package dev.inferencegateway.epp.plugins.producer.prefix;

import dev.inferencegateway.epp.core.plugin.DataKey;

/**
 * How much of a request's prompt one endpoint is believed to hold in its prefix cache.
 *
 * @param matchBlocks leading prompt blocks the endpoint holds
 * @param totalBlocks blocks the prompt was cut into (0 when it is shorter than one block)
 * @param blockSizeTokens the block size used, in tokens
 */
public record PrefixCacheMatchInfo(int matchBlocks, int totalBlocks, int blockSizeTokens) {
  /** The endpoint attribute key, produced by {@code approx-prefix-cache-producer}. */
  public static final DataKey<PrefixCacheMatchInfo> KEY =
      DataKey.of("PrefixCacheMatchInfo", PrefixCacheMatchInfo.class);

  /** Returns {@code matchBlocks / totalBlocks}, or 0 when the prompt has no block. */
  public double matchRatio() {
    return totalBlocks <= 0 ? 0.0 : Math.min(1.0, (double) matchBlocks / totalBlocks);
  }
}
