package dev.inferencegateway.epp.core.request;

/**
 * Token usage reported by a model server in a response.
 *
 * @param promptTokens input tokens ({@code prompt_tokens} or {@code input_tokens})
 * @param completionTokens output tokens ({@code completion_tokens} or {@code output_tokens})
 * @param totalTokens {@code total_tokens}
 * @param cachedTokens {@code prompt_tokens_details.cached_tokens}, 0 when absent
 */
public record Usage(long promptTokens, long completionTokens, long totalTokens, long cachedTokens) {}
