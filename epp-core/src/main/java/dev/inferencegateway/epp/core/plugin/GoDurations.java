package dev.inferencegateway.epp.core.plugin;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Parses and formats durations in Go's {@code time.ParseDuration} syntax ({@code 200ms},
 * {@code 1m30s}, {@code 1.5h}), the syntax of upstream's configuration files and flags.
 */
public final class GoDurations {
  private static final Map<String, Long> UNIT_NANOS = Map.of(
      "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
      "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  private GoDurations() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the text when it is not a valid duration
   */
  public static Duration parse(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("invalid duration \"" + text + "\"");
    }
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    BigDecimal totalNanos = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int numberStart = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String number = s.substring(numberStart, unitStart);
      Long unit = UNIT_NANOS.get(s.substring(unitStart, i));
      if (number.isEmpty() || number.equals(".") || unit == null) {
        throw new IllegalArgumentException("invalid duration \"" + text
            + "\" (expected a number and a unit of ns, us, ms, s, m or h, e.g. 200ms or 1m30s)");
      }
      totalNanos = totalNanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
    }
    Duration d = Duration.ofNanos(totalNanos.longValue());
    return negative ? d.negated() : d;
  }

  /** Formats {@code d} the way Go prints durations ({@code 200ms}, {@code 1m30s}, {@code 0s}). */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    long nanos = d.toNanos();
    String sign = nanos < 0 ? "-" : "";
    nanos = Math.abs(nanos);
    if (nanos < 1_000) {
      return sign + nanos + "ns";
    }
    if (nanos < 1_000_000) {
      return sign + trim(BigDecimal.valueOf(nanos, 3)) + "µs";
    }
    if (nanos < 1_000_000_000) {
      return sign + trim(BigDecimal.valueOf(nanos, 6)) + "ms";
    }
    StringBuilder out = new StringBuilder(sign);
    long hours = nanos / 3_600_000_000_000L;
    long minutes = (nanos / 60_000_000_000L) % 60;
    BigDecimal seconds = BigDecimal.valueOf(nanos % 60_000_000_000L, 9);
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    return out.append(trim(seconds)).append('s').toString();
  }

  private static String trim(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }
}
