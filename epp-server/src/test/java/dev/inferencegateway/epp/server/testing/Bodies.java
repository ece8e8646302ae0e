package dev.inferencegateway.epp.server.testing;

import dev.inferencegateway.epp.core.request.ApiType;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Request bodies of each OpenAI API, padded to a target size. */
public final class Bodies {
  private Bodies() {}

  /** Returns the request path of {@code api}. */
  public static String path(ApiType api) {
    return "/v1" + api.pathSuffix();
  }

  /** Returns request headers for {@code api}. */
  public static Map<String, String> headers(ApiType api) {
    return Map.of(":method", "POST", ":path", path(api), ":authority", "gateway", "content-type", "application/json");
  }

  /** Returns a body of about {@code size} bytes (at least the minimal valid body) for {@code api} and {@code model}. */
  public static byte[] of(ApiType api, String model, int size) {
    String skeleton = switch (api) {
      case CHAT_COMPLETIONS -> "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"%s\"}]}";
      case COMPLETIONS -> "{\"model\":\"%s\",\"prompt\":\"%s\"}";
      case RESPONSES -> "{\"model\":\"%s\",\"input\":\"%s\"}";
      case CONVERSATIONS -> "{\"model\":\"%s\",\"items\":[{\"type\":\"message\",\"content\":\"%s\"}]}";
      case EMBEDDINGS -> "{\"model\":\"%s\",\"input\":\"%s\"}";
      case OPAQUE -> "%s|%s";
    };
    int padding = Math.max(1, size - skeleton.length() + 4 - model.length());
    StringBuilder text = new StringBuilder(padding);
    while (text.length() < padding) {
      text.append("lorem ipsum dolor sit amet ");
    }
    text.setLength(padding);
    return String.format(skeleton, model, text).getBytes(StandardCharsets.UTF_8);
  }
}
