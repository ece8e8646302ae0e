package dev.inferencegateway.bench.sim.fleet;

import java.util.Set;

/**
 * The {@code kv-cache} section of a fleet pool.
 *
 * @param blockSize tokens per block, one of 8, 16, 32, 64, 128 (default 16)
 * @param numGpuBlocks blocks per server (default 2048)
 */
public record KvCacheSpec(Integer blockSize, Integer numGpuBlocks) {
  private static final Set<Integer> BLOCK_SIZES = Set.of(8, 16, 32, 64, 128);

  /** Applies defaults and validates. */
  public KvCacheSpec {
    blockSize = blockSize == null ? 16 : blockSize;
    numGpuBlocks = numGpuBlocks == null ? 2048 : numGpuBlocks;
    if (!BLOCK_SIZES.contains(blockSize)) {
      throw new IllegalArgumentException("'block-size' must be one of 8, 16, 32, 64, 128, got " + blockSize);
    }
    if (numGpuBlocks < 1) {
      throw new IllegalArgumentException("'num-gpu-blocks' must be >= 1, got " + numGpuBlocks);
    }
  }

  /** All defaults. */
  static KvCacheSpec defaults() {
    return new KvCacheSpec(null, null);
  }
}
