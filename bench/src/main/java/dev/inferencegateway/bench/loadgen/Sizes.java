package dev.inferencegateway.bench.loadgen;

import java.util.Locale;

/** Parses byte sizes such as {@code 512}, {@code 512B}, {@code 2KB}, {@code 220KB}, {@code 1MB} (KB = 1024 bytes). */
public final class Sizes {
  private Sizes() {}

  /** Parses {@code text}; throws naming it when it is not a size. */
  public static int parse(String text) {
    String s = text.trim().toUpperCase(Locale.ROOT).replace("IB", "B");
    long unit = 1;
    if (s.endsWith("KB") || s.endsWith("K")) {
      unit = 1024;
    } else if (s.endsWith("MB") || s.endsWith("M")) {
      unit = 1024 * 1024;
    }
    String number = s.replaceAll("[KMB]+$", "");
    try {
      double value = Double.parseDouble(number);
      long bytes = Math.round(value * unit);
      if (value < 0 || bytes > Integer.MAX_VALUE - 8) {
        throw new NumberFormatException();
      }
      return (int) bytes;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid size '" + text + "' (expected e.g. 512, 2KB, 220KB, 1MB)");
    }
  }
}
