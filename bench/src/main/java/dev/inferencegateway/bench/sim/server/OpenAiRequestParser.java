package dev.inferencegateway.bench.sim.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Parses and validates OpenAI chat and completion bodies the way vLLM's request models do, with
 * vLLM's 400 messages. Unknown fields are accepted, as in the OpenAI API.
 */
final class OpenAiRequestParser {
  private final ObjectMapper json;

  OpenAiRequestParser(ObjectMapper json) {
    this.json = json;
  }

  OpenAiRequest parse(ApiKind kind, byte[] body) throws ApiException {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("JSON decode error: " + e.getOriginalMessage(), null);
    } catch (IOException e) {
      throw ApiException.badRequest("unreadable request body: " + e.getMessage(), null);
    }
    if (root == null || !root.isObject()) {
      throw ApiException.badRequest("the request body must be a JSON object", null);
    }
    String model = optionalText(root, "model");
    String prompt = kind == ApiKind.CHAT ? ChatTemplate.render(root.get("messages")) : CompletionPrompt.render(root.get("prompt"));
    Integer maxTokens = kind == ApiKind.CHAT && present(root, "max_completion_tokens")
        ? positiveInt(root, "max_completion_tokens") : positiveInt(root, "max_tokens");
    boolean stream = optionalBoolean(root, "stream");
    boolean includeUsage = false;
    if (present(root, "stream_options")) {
      if (!stream) {
        throw ApiException.badRequest("Stream options can only be defined when `stream=True`.", "stream_options");
      }
      JsonNode options = root.get("stream_options");
      if (!options.isObject()) {
        throw ApiException.badRequest("stream_options must be an object", "stream_options");
      }
      includeUsage = optionalBoolean(options, "include_usage");
    }
    validateSampling(root);
    return new OpenAiRequest(kind, model, prompt, maxTokens, stream, includeUsage,
        optionalBoolean(root, "ignore_eos"), optionalText(root, "cache_salt"));
  }

  private static void validateSampling(JsonNode root) throws ApiException {
    if (present(root, "temperature")) {
      JsonNode t = root.get("temperature");
      if (!t.isNumber() || t.asDouble() < 0) {
        throw ApiException.badRequest("temperature must be a non-negative number, got " + t, "temperature");
      }
    }
    if (present(root, "n")) {
      JsonNode n = root.get("n");
      if (!n.isIntegralNumber() || n.asInt() < 1) {
        throw ApiException.badRequest("n must be at least 1, got " + n, "n");
      }
      if (n.asInt() != 1) {
        throw ApiException.badRequest("the simulator generates one choice per request (n=1), got n=" + n, "n");
      }
    }
  }

  static boolean present(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  private static String optionalText(JsonNode node, String field) throws ApiException {
    if (!present(node, field)) {
      return null;
    }
    JsonNode value = node.get(field);
    if (!value.isTextual()) {
      throw ApiException.badRequest(field + " must be a string, got " + value.getNodeType(), field);
    }
    return value.asText();
  }

  private static boolean optionalBoolean(JsonNode node, String field) throws ApiException {
    if (!present(node, field)) {
      return false;
    }
    JsonNode value = node.get(field);
    if (!value.isBoolean()) {
      throw ApiException.badRequest(field + " must be a boolean, got " + value, field);
    }
    return value.asBoolean();
  }

  private static Integer positiveInt(JsonNode node, String field) throws ApiException {
    if (!present(node, field)) {
      return null;
    }
    JsonNode value = node.get(field);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw ApiException.badRequest(field + " must be an integer, got " + value, field);
    }
    if (value.asInt() < 1) {
      throw ApiException.badRequest(field + " must be at least 1, got " + value.asInt() + ".", field);
    }
    return value.asInt();
  }
}
