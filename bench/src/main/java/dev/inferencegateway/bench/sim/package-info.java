/**
 * A vLLM-compatible model-server simulator: many simulated pods in one JVM on loopback ports,
 * each an HTTP server in front of a serving-engine model, started from a fleet file.
 *
 * <pre>
 * try (SimFleet fleet = SimFleet.start(FleetFiles.load("classpath:fleets/seed-demo.yaml"))) {
 *   SimServer pod = fleet.server("vllm-deepseek-r1-0");      // or fleet.pool(name), fleet.serversFor(model)
 *   URI base = pod.baseUri();                                // http://127.0.0.1:&lt;port&gt;
 *   pod.faults().errorRate(0.2).errorStatus(503);            // 20 % of generations fail
 *   pod.faults().metricsDelay(Duration.ofSeconds(2));        // slow scrapes
 *   pod.faults().metricsFault(MetricsFault.GARBAGE);         // or SERVER_ERROR, NONE
 *   pod.kill();  pod.hang();  pod.revive();                  // port closed / open but silent / back
 *   EngineSnapshot state = pod.engine().snapshot();          // running, waiting, adapters, KV use
 *   EndpointsFiles.write(fleet, Path.of("target/endpoints")); // &lt;pool&gt;-endpoints.yaml per pool
 * }
 * </pre>
 *
 * <p>{@code SimFleet.start(spec, time, executor)} runs the engines on a given
 * {@link dev.inferencegateway.bench.sim.time.SimTime}, e.g. virtual time for exact tests.
 * {@link dev.inferencegateway.bench.sim.SimulatorMain} starts a fleet file from the command line.
 */
package dev.inferencegateway.bench.sim;
