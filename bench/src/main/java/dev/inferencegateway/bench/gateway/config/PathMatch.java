package dev.inferencegateway.bench.gateway.config;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An HTTPRoute path match.
 *
 * @param type PathPrefix (default), Exact or RegularExpression
 * @param value the path, starting with {@code /} (default {@code /})
 */
public record PathMatch(MatchType type, String value) {
  /** Matches every path. */
  public static final PathMatch ANY = new PathMatch(MatchType.PATH_PREFIX, "/");

  public PathMatch {
    type = type == null ? MatchType.PATH_PREFIX : type;
    value = value == null ? "/" : value;
    if (type == MatchType.REGULAR_EXPRESSION) {
      try {
        Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("'value' is not a valid regular expression: " + e.getDescription());
      }
    } else if (!value.startsWith("/")) {
      throw new IllegalArgumentException("'value' must start with '/', got '" + value + "'");
    }
  }
}
