package dev.inferencegateway.bench.sim.testing;

import dev.inferencegateway.bench.sim.fleet.FleetFiles;
import dev.inferencegateway.bench.sim.fleet.FleetSpec;
import java.nio.charset.StandardCharsets;

/** Fleet specifications for tests, written as fleet YAML. */
public final class TestFleets {
  private TestFleets() {}

  /** Parses fleet YAML given inline. */
  public static FleetSpec yaml(String yaml) {
    return FleetFiles.parse("test fleet", yaml.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * One pool {@code test-pool} of {@code replicas} servers of {@code base} with {@code adapters},
   * with no latency at all, so requests finish as soon as the clock runs them.
   */
  public static FleetSpec instant(int replicas, String base, String... adapters) {
    return yaml("""
        pools:
          - name: test-pool
            model: %s
            adapters: [%s]
            replicas: %d
            max-loras: 2
            max-num-seqs: 4
            max-model-len: 512
            default-max-tokens: 16
            kv-cache: {block-size: 16, num-gpu-blocks: 256}
            latency:
              prefill-overhead: 0s
              prefill-time-per-token: 0s
              inter-token-latency: 0s
              inter-token-latency-std-dev: 0s
              time-factor-under-load: 1.0
              lora-load-delay: 0s
            seed: 5
        """.formatted(base, String.join(", ", adapters), replicas));
  }

  /**
   * One pod {@code deepseek-0} of {@code deepseek/vllm-deepseek-r1} with adapters
   * {@code ski-resorts}, {@code movie-critique} and {@code extra}, two adapter slots, two running
   * requests at most, the given KV cache, a 200 ms adapter load and no inter-token jitter.
   */
  public static FleetSpec loraPool(int blockSize, int numGpuBlocks) {
    return yaml("""
        pools:
          - name: deepseek
            model: deepseek/vllm-deepseek-r1
            adapters: [ski-resorts, movie-critique, extra]
            max-loras: 2
            max-num-seqs: 2
            max-model-len: 1024
            kv-cache: {block-size: %d, num-gpu-blocks: %d}
            latency: {lora-load-delay: 200ms, inter-token-latency-std-dev: 0s}
        """.formatted(blockSize, numGpuBlocks));
  }
}
