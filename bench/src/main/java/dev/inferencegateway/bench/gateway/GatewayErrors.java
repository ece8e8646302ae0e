package dev.inferencegateway.bench.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The bodies of the replies the gateway makes itself, in OpenAI's error shape
 * ({@code {"error": {"message", "type", "code"}}}) so that OpenAI clients show the message.
 */
final class GatewayErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GatewayErrors() {}

  /** A reply: status, JSON body. */
  record Reply(int status, byte[] body) {}

  static Reply modelNotRouted(String model, String message) {
    ObjectNode error = error(message, "invalid_request_error");
    error.put("code", "model_not_found");
    if (model != null) {
      error.put("model", model);
    }
    return reply(404, error);
  }

  static Reply of(int status, String type, String message) {
    ObjectNode error = error(message, type);
    error.put("code", status);
    return reply(status, error);
  }

  private static ObjectNode error(String message, String type) {
    ObjectNode error = JSON.createObjectNode();
    error.put("message", message);
    error.put("type", type);
    return error;
  }

  private static Reply reply(int status, ObjectNode error) {
    ObjectNode root = JSON.createObjectNode();
    root.set("error", error);
    return new Reply(status, root.toString().getBytes(StandardCharsets.UTF_8));
  }
}
