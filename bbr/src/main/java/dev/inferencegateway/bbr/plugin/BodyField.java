package dev.inferencegateway.bbr.plugin;

import java.util.Objects;

/**
 * The value of one top-level field of a JSON request body, in the text form used for headers.
 *
 * @param kind the JSON type of the value
 * @param text the decoded string for strings, the literal for numbers and booleans, an empty
 *     string for {@code null}, and compact JSON for objects and arrays
 */
public record BodyField(Kind kind, String text) {
  /** The JSON type of a field value. */
  public enum Kind { STRING, NUMBER, BOOLEAN, NULL, OBJECT, ARRAY }

  public BodyField {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  /** Returns a string field. */
  public static BodyField string(String value) {
    return new BodyField(Kind.STRING, value);
  }

  /** Returns true when the value is {@code null} or renders as an empty string. */
  public boolean isEmpty() {
    return text.isEmpty();
  }
}
