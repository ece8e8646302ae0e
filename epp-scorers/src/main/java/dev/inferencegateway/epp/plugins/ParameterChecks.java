package dev.inferencegateway.epp.plugins;

/**
 * Defaults and range checks for the compact constructors of parameter records: a null field takes
 * the upstream default, an out-of-range one throws {@link IllegalArgumentException} whose message
 * starts with the quoted field name, as {@code PluginParameters} expects.
 */
public final class ParameterChecks {
  private ParameterChecks() {}

  /** Returns {@code value}, or {@code defaultValue} when null; it must be above 0. */
  public static int positive(String field, Integer value, int defaultValue) {
    return (int) positive(field, value == null ? null : value.longValue(), defaultValue);
  }

  /** Returns {@code value}, or {@code defaultValue} when null; it must be above 0. */
  public static long positive(String field, Long value, long defaultValue) {
    if (value == null) {
      return defaultValue;
    }
    if (value <= 0) {
      throw new IllegalArgumentException("'" + field + "' must be > 0, got " + value);
    }
    return value;
  }

  /** Returns {@code value}, or {@code defaultValue} when null; it must be finite and at least 0. */
  public static double nonNegative(String field, Double value, double defaultValue) {
    if (value == null) {
      return defaultValue;
    }
    if (!(value >= 0) || value.isInfinite()) {
      throw new IllegalArgumentException("'" + field + "' must be >= 0, got " + value);
    }
    return value;
  }

  /** Returns {@code value}, or {@code defaultValue} when null; it must be in [0, 1]. */
  public static double unitInterval(String field, Double value, double defaultValue) {
    if (value == null) {
      return defaultValue;
    }
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("'" + field + "' must be in [0, 1], got " + value);
    }
    return value;
  }
}
