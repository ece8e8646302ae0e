package dev.inferencegateway.bench.sim.engine;

import java.util.Objects;

/**
 * The shape of one simulated serving engine (one model-server pod).
 *
 * @param maxNumSeqs requests that run at once in the continuous batch (vLLM {@code --max-num-seqs})
 * @param maxWaitingQueueLength requests that may wait; further ones are rejected
 * @param maxLoras LoRA adapters resident in GPU slots at once (vLLM {@code --max-loras})
 * @param blockSize tokens per KV-cache block
 * @param numGpuBlocks KV-cache blocks in GPU memory
 * @param latency the latency model's parameters
 */
public record EngineConfig(
    int maxNumSeqs,
    int maxWaitingQueueLength,
    int maxLoras,
    int blockSize,
    int numGpuBlocks,
    LatencyProfile latency) {

  /** Validates every field. */
  public EngineConfig {
    requireAtLeast("max-num-seqs", maxNumSeqs, 1);
    requireAtLeast("max-waiting-queue-length", maxWaitingQueueLength, 0);
    requireAtLeast("max-loras", maxLoras, 1);
    requireAtLeast("block-size", blockSize, 1);
    requireAtLeast("num-gpu-blocks", numGpuBlocks, 1);
    Objects.requireNonNull(latency, "latency");
  }

  private static void requireAtLeast(String field, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException("'" + field + "' must be >= " + min + ", got " + value);
    }
  }
}
