package dev.inferencegateway.bench.gateway.config;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An HTTPRoute header match; names compare case-insensitively, values case-sensitively.
 *
 * @param type Exact (default) or RegularExpression
 * @param name the header name, e.g. {@code X-Gateway-Base-Model-Name}
 * @param value the value to compare with
 */
public record HeaderMatch(MatchType type, String name, String value) {
  public HeaderMatch {
    type = type == null ? MatchType.EXACT : type;
    if (type == MatchType.PATH_PREFIX) {
      throw new IllegalArgumentException("'type' must be Exact or RegularExpression for a header match");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("'name' is required");
    }
    if (value == null) {
      throw new IllegalArgumentException("'value' is required");
    }
    if (type == MatchType.REGULAR_EXPRESSION) {
      try {
        Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("'value' is not a valid regular expression: " + e.getDescription());
      }
    }
  }

  /** An exact match of {@code name} against {@code value}. */
  public static HeaderMatch exact(String name, String value) {
    return new HeaderMatch(MatchType.EXACT, name, value);
  }
}
