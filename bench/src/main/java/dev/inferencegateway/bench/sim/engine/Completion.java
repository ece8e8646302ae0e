package dev.inferencegateway.bench.sim.engine;

import java.time.Duration;

/**
 * How a finished generation went: token usage and the engine-time durations of its phases.
 *
 * @param promptTokens prompt tokens
 * @param cachedTokens prompt tokens served from the prefix cache
 * @param completionTokens output tokens
 * @param finishReason {@code length} or {@code stop}
 * @param queueTime from arrival to admission into the running batch (includes adapter loading)
 * @param timeToFirstToken from arrival to the first output token
 * @param endToEnd from arrival to the last output token
 */
public record Completion(
    int promptTokens,
    int cachedTokens,
    int completionTokens,
    String finishReason,
    Duration queueTime,
    Duration timeToFirstToken,
    Duration endToEnd) {}
