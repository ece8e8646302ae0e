/**
 * The load generator: offers load to an OpenAI endpoint over HTTP (the local gateway, a
 * simulator, a model server) or to an EPP or BBR directly over ext_proc, and reports what
 * inference-perf reports for these paths.
 *
 * <ul>
 *   <li>Load: closed loop ({@code --concurrency} workers back to back) or open loop (Poisson
 *       arrivals at {@code --rate}, seeded, latencies counted from the scheduled arrival), bounded by
 *       {@code --duration} and/or {@code --requests}, after a {@code --warmup} whose requests are
 *       not recorded.</li>
 *   <li>Workloads: fixed-size chat or completions bodies with unique prompts
 *       ({@link dev.inferencegateway.bench.loadgen.FixedSizeWorkload}), shared-prefix groups
 *       ({@link dev.inferencegateway.bench.loadgen.SharedPrefixWorkload}), and a weighted model mix
 *       (LoRA adapters and base models, {@link dev.inferencegateway.bench.loadgen.ModelMix}).</li>
 *   <li>Targets: {@code http://} ({@link dev.inferencegateway.bench.loadgen.HttpTarget}: TTFT of
 *       streamed responses, end-to-end, {@code usage.completion_tokens}) and {@code grpc://} /
 *       {@code grpcs://} ({@link dev.inferencegateway.bench.loadgen.ExtProcTarget}: the ext_proc
 *       request phase as "EPP time", then a small fixed response so the whole stream is played;
 *       TLS trusts any certificate).</li>
 *   <li>Figures: HdrHistogram p50/p90/p99/max of end-to-end, TTFT and EPP time of successful
 *       requests, throughput, counts by status or failure kind, a progress line each second,
 *       {@code --csv PREFIX} per-second and summary files, and a summary table on stdout.</li>
 * </ul>
 *
 * <p>{@link dev.inferencegateway.bench.loadgen.EchoExtProcServer} is a do-nothing ext_proc server
 * (same protocol engine, echoes bodies) that measures the transport's own limit.
 *
 * <pre>
 * mvn -B -ntp -o -pl bench -am -DskipTests -Prun -Dexec.mainClass=dev.inferencegateway.bench.loadgen.LoadGenMain \
 *   -Dexec.args="--url grpc://127.0.0.1:9002 --concurrency 64 --duration 30s --warmup 5s --body-size 2KB" package
 * </pre>
 */
package dev.inferencegateway.bench.loadgen;
