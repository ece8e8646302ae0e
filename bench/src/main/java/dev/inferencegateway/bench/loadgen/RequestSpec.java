package dev.inferencegateway.bench.loadgen;

/**
 * One request to send.
 *
 * @param model the model name in the body
 * @param body the OpenAI JSON body
 * @param stream whether the body asks for an SSE stream
 */
public record RequestSpec(String model, byte[] body, boolean stream) {}
