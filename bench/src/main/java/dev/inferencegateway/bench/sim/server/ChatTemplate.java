package dev.inferencegateway.bench.sim.server;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders chat {@code messages} into one prompt string, as a model's chat template would: each
 * message framed by its role, then the assistant's generation prompt. Any role is accepted (the
 * seed guides use {@code developer} and {@code reviewer}); content is a string or a list of parts
 * whose {@code text} parts count.
 */
final class ChatTemplate {
  private ChatTemplate() {}

  static String render(JsonNode messages) throws ApiException {
    if (messages == null || messages.isNull()) {
      throw ApiException.badRequest("messages: Field required", "messages");
    }
    if (!messages.isArray() || messages.isEmpty()) {
      throw ApiException.badRequest("messages must be a non-empty list of messages", "messages");
    }
    StringBuilder prompt = new StringBuilder();
    for (int i = 0; i < messages.size(); i++) {
      JsonNode message = messages.get(i);
      JsonNode role = message.get("role");
      if (!message.isObject() || role == null || !role.isTextual()) {
        throw ApiException.badRequest("messages[" + i + "] must be an object with a string 'role'", "messages");
      }
      prompt.append("<|").append(role.asText()).append("|>\n");
      appendContent(prompt, message.get("content"), i);
      prompt.append("<|end|>\n");
    }
    return prompt.append("<|assistant|>\n").toString();
  }

  private static void appendContent(StringBuilder prompt, JsonNode content, int index) throws ApiException {
    if (content == null || content.isNull()) {
      return;
    }
    if (content.isTextual()) {
      prompt.append(content.asText());
      return;
    }
    if (!content.isArray()) {
      throw ApiException.badRequest("messages[" + index + "].content must be a string or a list of parts",
          "messages");
    }
    for (JsonNode part : content) {
      JsonNode text = part.get("text");
      if (text != null && text.isTextual()) {
        prompt.append(text.asText());
      }
    }
  }
}
