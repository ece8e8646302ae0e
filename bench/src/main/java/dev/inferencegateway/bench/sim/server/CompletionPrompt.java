package dev.inferencegateway.bench.sim.server;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a completion request's {@code prompt}: a string, a list of one string, or token ids (a list
 * of integers, or a list holding one such list). Token ids become four characters each, so one id
 * counts as one simulated token and equal id sequences share prefix-cache blocks.
 */
final class CompletionPrompt {
  private CompletionPrompt() {}

  static String render(JsonNode prompt) throws ApiException {
    if (prompt == null || prompt.isNull()) {
      throw ApiException.badRequest("prompt: Field required", "prompt");
    }
    if (prompt.isTextual()) {
      return prompt.asText();
    }
    if (!prompt.isArray() || prompt.isEmpty()) {
      throw ApiException.badRequest("prompt must be a string, a list of token ids, or a list of one of those",
          "prompt");
    }
    JsonNode first = prompt.get(0);
    if (first.isIntegralNumber()) {
      return tokenIds(prompt);
    }
    if (prompt.size() != 1) {
      throw ApiException.badRequest("the simulator serves one prompt per request, got " + prompt.size(), "prompt");
    }
    if (first.isTextual()) {
      return first.asText();
    }
    if (first.isArray() && !first.isEmpty()) {
      return tokenIds(first);
    }
    throw ApiException.badRequest("prompt must be a string, a list of token ids, or a list of one of those",
        "prompt");
  }

  private static String tokenIds(JsonNode ids) throws ApiException {
    StringBuilder text = new StringBuilder(ids.size() * 4);
    for (JsonNode id : ids) {
      if (!id.isIntegralNumber() || id.asLong() < 0) {
        throw ApiException.badRequest("token ids must be non-negative integers, got " + id, "prompt");
      }
      String encoded = Long.toString(id.asLong() & 0xFFFFF, 32);
      text.append("0".repeat(4 - encoded.length())).append(encoded);
    }
    return text.toString();
  }
}
