/**
 * Fleet files: YAML describing pools of simulated model servers, read strictly by
 * {@link dev.inferencegateway.bench.sim.fleet.FleetFiles}.
 *
 * <pre>
 * host: 127.0.0.1                  # bind address of every server (default)
 * pools:
 *   - name: vllm-llama3-8b-instruct   # required; pods are &lt;name&gt;-0, &lt;name&gt;-1, ...
 *     model: meta-llama/Llama-3.1-8B-Instruct   # required
 *     adapters: [food-review-1]       # default []
 *     replicas: 3                     # default 1
 *     base-port: 0                    # 0 = ephemeral; else replica i on base-port + i
 *     namespace: default              # default
 *     labels: {app: vllm-llama3-8b-instruct}   # default {app: &lt;name&gt;}
 *     max-loras: 2                    # default 1
 *     max-num-seqs: 16                # default 16
 *     max-waiting-queue-length: 1000  # default 1000
 *     max-model-len: 4096             # default 4096
 *     default-max-tokens: 256         # default 256 (requests without max_tokens)
 *     kv-cache: {block-size: 16, num-gpu-blocks: 2048}   # defaults
 *     latency:                        # Go durations; defaults = llm-d's 8B-H100 per-token profile
 *       prefill-overhead: 30ms
 *       prefill-overhead-std-dev: 0s
 *       prefill-time-per-token: 250us
 *       inter-token-latency: 12ms
 *       inter-token-latency-std-dev: 2ms
 *       time-factor-under-load: 2.0
 *       lora-load-delay: 200ms
 *     seed: 1                         # default 1
 * </pre>
 */
package dev.inferencegateway.bench.sim.fleet;
