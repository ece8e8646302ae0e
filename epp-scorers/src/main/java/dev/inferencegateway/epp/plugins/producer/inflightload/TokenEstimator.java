package dev.inferencegateway.epp.plugins.producer.inflightload;

import dev.inferencegateway.epp.core.request.InferenceRequest;

/**
 * Estimates the tokens a request will occupy on a model server without a tokenizer, as upstream's
 * simple estimator: input tokens are the body size over 4 bytes per token (or the prompt size
 * over 4 characters when the size is unknown), at least 1; output tokens are 1.5 times the input,
 * rounded.
 */
public final class TokenEstimator {
  /** Characters (bytes) per token. */
  public static final int CHARACTERS_PER_TOKEN = 4;
  /** Expected output tokens per input token. */
  public static final double OUTPUT_RATIO = 1.5;

  private TokenEstimator() {}

  /** Returns the estimated input plus output tokens of {@code request}. */
  public static long estimate(InferenceRequest request) {
    long inputTokens = request.requestSizeBytes() > 0
        ? Math.max(request.requestSizeBytes() / CHARACTERS_PER_TOKEN, 1)
        : Math.max(1, Math.round(request.body().promptBytes().length() / (double) CHARACTERS_PER_TOKEN));
    return inputTokens + Math.round(inputTokens * OUTPUT_RATIO);
  }
}
