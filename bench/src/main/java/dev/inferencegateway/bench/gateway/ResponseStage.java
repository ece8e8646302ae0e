package dev.inferencegateway.bench.gateway;

/**
 * A processor the response passes through.
 *
 * @param call the request's stream to the processor
 * @param failOpen whether a failure skips the processor (EPP with FailOpen) instead of failing the request
 * @param reportsServed whether the processor is told the served endpoint (the EPP)
 */
record ResponseStage(ProcessorCall call, boolean failOpen, boolean reportsServed) {}
