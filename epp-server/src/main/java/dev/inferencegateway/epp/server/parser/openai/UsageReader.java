package dev.inferencegateway.epp.server.parser.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.inferencegateway.epp.core.request.Usage;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads token usage from OpenAI responses: the top-level {@code usage} object of a complete body,
 * or of {@code data:} server-sent events (including the Responses API's
 * {@code response.completed} event, whose usage sits under {@code response}). Both field
 * spellings are understood ({@code prompt_tokens}/{@code input_tokens},
 * {@code completion_tokens}/{@code output_tokens}), and cached tokens are read from
 * {@code prompt_tokens_details}, upstream's {@code prompt_token_details} or
 * {@code input_tokens_details}.
 */
final class UsageReader {
  private static final byte[] DATA = "data:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] USAGE = "\"usage\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private UsageReader() {}

  /** Reads the usage of a complete JSON response body. */
  static Optional<Usage> fromBody(byte[] data, int offset, int length) {
    if (indexOf(data, offset, offset + length, USAGE) < 0) {
      return Optional.empty();
    }
    try (JsonParser p = Json.parser(data, offset, length)) {
      return topLevelUsage(p, false);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Reads the usage of the last event carrying one among complete server-sent-event lines. */
  static Optional<Usage> fromEvents(byte[] data, int offset, int length) {
    Optional<Usage> found = Optional.empty();
    int end = offset + length;
    int line = offset;
    while (line < end) {
      int newline = indexOf(data, line, end, (byte) '\n');
      int lineEnd = newline < 0 ? end : newline;
      if (startsWith(data, line, lineEnd, DATA) && indexOf(data, line, lineEnd, USAGE) >= 0) {
        int from = line + DATA.length;
        try (JsonParser p = Json.parser(data, from, lineEnd - from)) {
          Optional<Usage> usage = topLevelUsage(p, true);
          if (usage.isPresent()) {
            found = usage;
          }
        } catch (IOException e) {
          // not a JSON event (or cut by the proxy); ignored as upstream does
        }
      }
      line = lineEnd + 1;
    }
    return found;
  }

  private static Optional<Usage> topLevelUsage(JsonParser p, boolean event) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return Optional.empty();
    }
    Usage usage = null;
    Usage nested = null;
    String type = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("usage") && value == JsonToken.START_OBJECT) {
        usage = readUsage(p);
      } else if (event && name.equals("response") && value == JsonToken.START_OBJECT) {
        nested = nestedUsage(p);
      } else if (event && name.equals("type") && value == JsonToken.VALUE_STRING) {
        type = p.getText();
      } else {
        p.skipChildren();
      }
    }
    if (usage != null) {
      return Optional.of(usage);
    }
    return nested != null && type.equals("response.completed") ? Optional.of(nested) : Optional.empty();
  }

  private static Usage nestedUsage(JsonParser p) throws IOException {
    Usage usage = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (p.nextToken() == JsonToken.START_OBJECT && name.equals("usage")) {
        usage = readUsage(p);
      } else {
        p.skipChildren();
      }
    }
    return usage;
  }

  private static Usage readUsage(JsonParser p) throws IOException {
    long prompt = -1;
    long completion = -1;
    long total = -1;
    long cached = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "prompt_tokens" -> prompt = number(p, value, prompt);
        case "input_tokens" -> prompt = prompt >= 0 ? prompt : number(p, value, prompt);
        case "completion_tokens" -> completion = number(p, value, completion);
        case "output_tokens" -> completion = completion >= 0 ? completion : number(p, value, completion);
        case "total_tokens" -> total = number(p, value, total);
        case "prompt_tokens_details", "prompt_token_details", "input_tokens_details" ->
            cached = value == JsonToken.START_OBJECT ? Math.max(cached, cachedTokens(p)) : skip(p, cached);
        default -> p.skipChildren();
      }
    }
    prompt = Math.max(prompt, 0);
    completion = Math.max(completion, 0);
    return new Usage(prompt, completion, total >= 0 ? total : prompt + completion, cached);
  }

  private static long cachedTokens(JsonParser p) throws IOException {
    long cached = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("cached_tokens")) {
        cached = Math.max(number(p, value, 0), 0);
      } else {
        p.skipChildren();
      }
    }
    return cached;
  }

  private static long number(JsonParser p, JsonToken value, long fallback) throws IOException {
    return switch (value) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getValueAsLong();
      case VALUE_STRING -> {
        try {
          yield (long) Double.parseDouble(p.getText().trim());
        } catch (NumberFormatException e) {
          yield fallback;
        }
      }
      default -> {
        p.skipChildren();
        yield fallback;
      }
    };
  }

  private static long skip(JsonParser p, long keep) throws IOException {
    p.skipChildren();
    return keep;
  }

  static int indexOf(byte[] data, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }

  static int indexOf(byte[] data, int from, int to, byte[] pattern) {
    outer:
    for (int i = from; i <= to - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean startsWith(byte[] data, int from, int to, byte[] prefix) {
    return to - from >= prefix.length && indexOf(data, from, from + prefix.length, prefix) == from;
  }
}
