package dev.inferencegateway.bench.sim.engine;

import java.util.Objects;

/**
 * One generation the engine runs.
 *
 * @param adapter the LoRA adapter, or null for the base model
 * @param prompt the rendered prompt text (its length / 4 is the prompt's token count)
 * @param cacheSalt the request's {@code cache_salt}, or null; it isolates prefix-cache entries
 * @param maxTokens the request's output limit
 * @param outputTokens how many tokens the generation produces, 1 to {@code maxTokens}
 */
public record GenerationRequest(String adapter, String prompt, String cacheSalt, int maxTokens, int outputTokens) {

  /** Validates the token counts. */
  public GenerationRequest {
    Objects.requireNonNull(prompt, "prompt");
    if (maxTokens < 1 || outputTokens < 1 || outputTokens > maxTokens) {
      throw new IllegalArgumentException("need 1 <= outputTokens <= maxTokens, got outputTokens=" + outputTokens
          + " maxTokens=" + maxTokens);
    }
  }

  /** The prompt's token count. */
  public int promptTokens() {
    return Tokens.count(prompt);
  }

  /** {@code length} when the generation stops at {@code max_tokens}, else {@code stop}. */
  public String finishReason() {
    return outputTokens == maxTokens ? "length" : "stop";
  }
}
