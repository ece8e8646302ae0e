/**
 * The one-command demo and the in-process stack behind it and behind the end-to-end tests: a
 * seed guide's setup on one machine, with no cluster.
 *
 * <p>{@code ./demo} (repository root) builds the modules and runs {@link
 * dev.inferencegateway.bench.demo.DemoMain} on the toolchain JDK. It starts, in one JVM:
 * <ul>
 *   <li>the scenario's simulated vLLM fleet ({@code dev.inferencegateway.bench.sim}), each server
 *       on an ephemeral loopback port, naming itself in the {@code x-inference-pod} response
 *       header;</li>
 *   <li>the Body-Based Router ({@link dev.inferencegateway.bench.demo.DemoBbr}): TLS with a
 *       self-signed certificate, the default plugin chain, the scenario's base-model mappings as a
 *       static mapping file;</li>
 *   <li>one Endpoint Picker per InferencePool ({@link dev.inferencegateway.bench.demo.DemoEpp}): the
 *       static endpoint source reading {@code <pool>-endpoints.yaml} (the pool's servers and
 *       InferenceObjectives), the built-in default configuration unless {@code --epp-config} names
 *       one, TLS with a self-signed certificate, {@code /metrics} without Kubernetes
 *       authentication;</li>
 *   <li>the local gateway on {@code localhost:8080} ({@code --port}), with the scenario's route
 *       file bound to the running BBR, EPPs and servers.</li>
 * </ul>
 * It prints every address, the configuration and the guide's requests as curl commands, and
 * stops everything on Ctrl-C (gateway, EPPs, BBR, fleet, in that order, within seconds). A
 * component that cannot start (e.g. port 8080 taken) stops the others and exits with status 1
 * and a message naming it; bad options exit with 2.
 *
 * <p>Scenarios ({@code --scenario}; {@link dev.inferencegateway.bench.demo.Scenarios}):
 * {@code multi-lora} (seed guides 000 and 002, the default), {@code multi-model} (001),
 * {@code model-names} (003), {@code qwen-deepseek} (004), or a scenario file of this shape
 * (unknown keys are errors):
 * <pre>{@code
 * description: Two base models with LoRA adapters behind BBR.
 * guides: ["000", "002"]                      # the seed guides it reproduces
 * fleet: classpath:fleets/seed-demo.yaml      # fleet file (classpath: or a path); --fleet overrides
 * routes: classpath:gateway/seed-routes.yaml  # local gateway route file; its pools = the fleet's pools
 * baseModels:                                 # BBR's static mapping file, inline
 *   - baseModel: deepseek/vllm-deepseek-r1
 *     adapters: [ski-resorts, movie-critique]
 * objectives:                                 # InferenceObjectives by pool (optional)
 *   vllm-llama3-8b-instruct:
 *     - {name: batch-summaries, priority: -1}
 * requests:                                   # the guide's requests (printed as curls, tested end to end)
 *   - guide: "000"
 *     title: completions, DeepSeek LoRA ski-resorts
 *     path: /v1/completions
 *     pool: vllm-deepseek-r1                  # the pool that must serve it
 *     status: 200                             # default 200
 *     body: '{"model": "ski-resorts", "prompt": "What is the best ski resort in Austria?"}'
 * }</pre>
 *
 * <p>In-process ({@link dev.inferencegateway.bench.demo.DemoStack}):
 * <pre>{@code
 * try (DemoStack stack = DemoStack.builder(Scenarios.load("multi-lora")).listen("127.0.0.1:0")
 *     .eppFlags(List.of("--config-file=config/epp/lora-heavy.yaml")).start()) {
 *   // stack.isReady(), stack.gatewayUri(), stack.fleet().server("vllm-deepseek-r1-1").kill(), stack.epp(pool)...
 * }
 * }</pre>
 * A test may pass a fleet already running on virtual time ({@code runningFleet}).
 */
package dev.inferencegateway.bench.demo;
