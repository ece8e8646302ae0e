package dev.inferencegateway.bench.sim.server;

/**
 * The fields of an OpenAI chat or completion request that the simulator acts on.
 *
 * @param kind chat or completion
 * @param model the requested model, or null when the body names none
 * @param prompt the prompt text (chat messages rendered through a chat template)
 * @param maxTokens {@code max_completion_tokens} / {@code max_tokens}, or null
 * @param stream whether to answer with server-sent events
 * @param includeUsage {@code stream_options.include_usage}
 * @param ignoreEos whether to generate exactly {@code max_tokens}
 * @param cacheSalt {@code cache_salt}, or null
 */
record OpenAiRequest(
    ApiKind kind,
    String model,
    String prompt,
    Integer maxTokens,
    boolean stream,
    boolean includeUsage,
    boolean ignoreEos,
    String cacheSalt) {}
