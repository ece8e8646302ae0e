package dev.inferencegateway.bench.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One request of a seed guide, as its {@code curl} sends it, and what the gateway must answer.
 *
 * @param guide the seed guides that show it, e.g. {@code 000, 002}
 * @param title what it asks, e.g. {@code chat completions, Llama LoRA food-review-1}
 * @param path the request path, e.g. {@code /v1/chat/completions}
 * @param body the JSON body, as in the guide
 * @param pool the InferencePool that must serve it
 * @param status the expected status (default 200)
 * @param note why the status is not 200, when it is not
 */
public record SeedRequest(String guide, String title, String path, String body, String pool, Integer status,
    String note) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public SeedRequest {
    require(title, "title");
    require(path, "path");
    require(body, "body");
    require(pool, "pool");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("'path' must start with '/', got '" + path + "'");
    }
    status = status == null ? 200 : status;
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("'status' must be an HTTP status, got " + status);
    }
    model(body);
  }

  /** The body's {@code model}. */
  public String model() {
    return model(body);
  }

  /** The body on one line (JSON re-written without the guide's indentation). */
  public String compactBody() {
    try {
      return JSON.writeValueAsString(JSON.readTree(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A one-line curl command for {@code ${IP}:${PORT}}, as in the guides. */
  public String curl() {
    return "curl -X POST -i ${IP}:${PORT}" + path + " -H 'Content-Type: application/json' -d '"
        + compactBody().replace("'", "'\\''") + "'";
  }

  private static String model(String body) {
    try {
      String model = JSON.readTree(body).path("model").asText("");
      if (model.isEmpty()) {
        throw new IllegalArgumentException("'body' has no \"model\"");
      }
      return model;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("'body' is not JSON: " + e.getOriginalMessage());
    }
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("'" + field + "' is required");
    }
  }
}
