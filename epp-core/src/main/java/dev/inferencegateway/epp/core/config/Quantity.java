package dev.inferencegateway.epp.core.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity such as {@code 10Gi}, {@code 500M} or {@code 1k}, as used by the
 * flow-control capacities.
 *
 * @param text the quantity as written
 * @param value its value, rounded up to a whole number as Kubernetes does
 */
public record Quantity(String text, long value) {
  private static final Pattern SYNTAX =
      Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?");
  private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
      Map.entry("", BigDecimal.ONE),
      Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
      Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")),
      Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
      Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
      Map.entry("E", new BigDecimal("1e18")),
      Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
      Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
      Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  public Quantity {
    Objects.requireNonNull(text, "text");
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException when the text is not a quantity or is negative or too large
   */
  public static Quantity parse(String text) {
    Matcher m = SYNTAX.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid quantity '" + text
          + "' (expected a number with an optional suffix such as 500M, 10Gi or 1k)");
    }
    String suffix = m.group(2) == null ? "" : m.group(2);
    BigDecimal multiplier = SUFFIXES.containsKey(suffix) ? SUFFIXES.get(suffix)
        : BigDecimal.ONE.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
    BigDecimal value = new BigDecimal(m.group(1)).multiply(multiplier);
    if (value.signum() < 0) {
      throw new IllegalArgumentException("quantity '" + text + "' must not be negative");
    }
    BigDecimal rounded = value.setScale(0, RoundingMode.CEILING);
    if (rounded.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("quantity '" + text + "' is too large");
    }
    return new Quantity(text.trim(), rounded.longValueExact());
  }

  @Override
  public String toString() {
    return text;
  }
}
