package dev.inferencegateway.bench.loadgen;

import dev.inferencegateway.epp.core.request.ApiType;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeded filler text (lower-case words, JSON-safe) and OpenAI request bodies built from it, sized
 * to the byte.
 */
public final class PromptText {
  private static final int SOURCE_CHARS = 1 << 20;
  private final String source;

  /** Text drawn from {@code seed}. */
  public PromptText(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder(2 * SOURCE_CHARS + 16);
    while (text.length() < 2 * SOURCE_CHARS) {
      int letters = 2 + random.nextInt(8);
      for (int i = 0; i < letters; i++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      text.append(' ');
    }
    this.source = text.toString();
  }

  /** Returns the random source of request {@code sequence} of a workload seeded with {@code seed}. */
  public static SplittableRandom randomFor(long seed, long sequence) {
    return new SplittableRandom((seed ^ 0x5DEECE66DL) + sequence * 0x9E3779B97F4A7C15L);
  }

  /** Returns {@code length} characters of text starting at a random place. */
  public String slice(SplittableRandom random, int length) {
    StringBuilder out = new StringBuilder(length);
    while (out.length() < length) {
      int start = random.nextInt(SOURCE_CHARS);
      out.append(source, start, start + Math.min(SOURCE_CHARS, length - out.length()));
    }
    return out.toString();
  }

  /**
   * Returns a body of exactly {@code targetBytes} (or the smallest possible when that is less)
   * whose prompt starts with {@code uniquePrefix} and continues with random text.
   */
  public byte[] sizedBody(ApiType api, String model, int maxTokens, boolean stream, int targetBytes,
      String uniquePrefix, SplittableRandom random) {
    int overhead = body(api, model, null, uniquePrefix, maxTokens, stream).length;
    String filler = slice(random, Math.max(0, targetBytes - overhead));
    return body(api, model, null, uniquePrefix + filler, maxTokens, stream);
  }

  /** Returns the API a request path addresses: completions for {@code .../completions}, chat otherwise. */
  public static ApiType apiOf(String path) {
    return path != null && path.endsWith(ApiType.COMPLETIONS.pathSuffix())
        && !path.endsWith(ApiType.CHAT_COMPLETIONS.pathSuffix()) ? ApiType.COMPLETIONS : ApiType.CHAT_COMPLETIONS;
  }

  /** Returns the OpenAI request path of {@code api}, e.g. {@code /v1/chat/completions}. */
  public static String path(ApiType api) {
    return "/v1" + api.pathSuffix();
  }

  /** Builds a chat body (system message when {@code system} is not null) or a completions body. */
  public static byte[] body(ApiType api, String model, String system, String user, int maxTokens, boolean stream) {
    if (api != ApiType.CHAT_COMPLETIONS && api != ApiType.COMPLETIONS) {
      throw new IllegalArgumentException("only chat and completions bodies are generated, not " + api);
    }
    StringBuilder json = new StringBuilder(user.length() + (system == null ? 0 : system.length()) + 200);
    json.append("{\"model\":\"").append(escape(model)).append("\",\"max_tokens\":").append(maxTokens);
    if (stream) {
      json.append(",\"stream\":true,\"stream_options\":{\"include_usage\":true}");
    }
    if (api == ApiType.CHAT_COMPLETIONS) {
      json.append(",\"messages\":[");
      if (system != null) {
        json.append("{\"role\":\"system\",\"content\":\"").append(escape(system)).append("\"},");
      }
      json.append("{\"role\":\"user\",\"content\":\"").append(escape(user)).append("\"}]}");
    } else {
      String prompt = system == null ? user : system + "\n" + user;
      json.append(",\"prompt\":\"").append(escape(prompt)).append("\"}");
    }
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = switch (c) {
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        default -> c < 0x20 ? String.format("\\u%04x", (int) c) : null;
      };
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        out.append(replacement != null ? replacement : String.valueOf(c));
      }
    }
    return out == null ? text : out.toString();
  }
}
