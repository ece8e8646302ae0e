/**
 * The time simulated model servers run on: {@link dev.inferencegateway.bench.sim.time.SystemSimTime}
 * (real time, a scheduled executor) or {@link dev.inferencegateway.bench.sim.time.ManualSimTime}
 * (virtual time advanced by the caller, for exact and deterministic tests and simulations).
 */
package dev.inferencegateway.bench.sim.time;
