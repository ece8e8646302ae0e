package dev.inferencegateway.bench.e2e;

import dev.inferencegateway.bench.sim.fleet.FleetSpec;
import dev.inferencegateway.bench.sim.testing.TestFleets;

/**
 * Fleets of the seed topology (the multi-lora scenario's two pools) shaped for one end-to-end
 * test: the DeepSeek pool under test and a small Llama pool that the routes also need.
 */
final class E2eFleets {
  static final String LLAMA_POOL = "vllm-llama3-8b-instruct";
  static final String DEEPSEEK_POOL = "vllm-deepseek-r1";
  static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";
  static final String DEEPSEEK = "deepseek/vllm-deepseek-r1";

  private E2eFleets() {}

  /**
   * The seed pools with the given replica counts, each server running at most {@code maxNumSeqs}
   * requests with {@code maxLoras} adapter slots, a large KV cache and a fast, jitter-free latency
   * model (2 ms per output token, 20 ms adapter load).
   */
  static FleetSpec seedPools(int llamaReplicas, int deepseekReplicas, int maxNumSeqs, int maxLoras) {
    return TestFleets.yaml("host: 127.0.0.1\npools:\n"
        + pool(LLAMA_POOL, LLAMA, "[food-review-1]", llamaReplicas, maxNumSeqs, maxLoras, 11)
        + pool(DEEPSEEK_POOL, DEEPSEEK, "[ski-resorts, movie-critique]", deepseekReplicas, maxNumSeqs, maxLoras, 12));
  }

  private static String pool(String name, String model, String adapters, int replicas, int maxNumSeqs, int maxLoras,
      int seed) {
    return """
          - name: %s
            model: %s
            adapters: %s
            replicas: %d
            max-loras: %d
            max-num-seqs: %d
            kv-cache: {block-size: 16, num-gpu-blocks: 4096}
            latency: {prefill-overhead: 2ms, prefill-time-per-token: 10us, inter-token-latency: 2ms,
                      inter-token-latency-std-dev: 0s, time-factor-under-load: 1.5, lora-load-delay: 20ms}
            seed: %d
        """.formatted(name, model, adapters, replicas, maxLoras, maxNumSeqs, seed);
  }
}
