package dev.inferencegateway.epp.datastore.prometheus;

/**
 * Parses Prometheus sample values and timestamps from byte ranges without allocating on the common
 * path; {@link #ok()} tells whether the last parse succeeded.
 *
 * <p>Accepted values: decimal floats with optional sign, fraction and exponent, and
 * (case-insensitively) {@code NaN}, {@code Inf}, {@code Infinity} with an optional sign. Short
 * mantissas with small exponents are converted exactly with one multiplication or division;
 * anything else falls back to {@link Double#parseDouble}.
 */
final class NumberParser {
  private static final double[] POW10 = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  private boolean ok;

  boolean ok() {
    return ok;
  }

  double parseDouble(byte[] b, int from, int to) {
    ok = false;
    int p = from;
    if (p == to) {
      return 0;
    }
    boolean negative = b[p] == '-';
    if (negative || b[p] == '+') {
      p++;
    }
    if (p < to && !isDigit(b[p]) && b[p] != '.') {
      return special(b, p, to, negative);
    }
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = 0;
    boolean anyDigit = false;
    boolean dot = false;
    for (; p < to; p++) {
      byte c = b[p];
      if (isDigit(c)) {
        anyDigit = true;
        if (mantissa != 0 || c != '0') {
          digits++;
        }
        if (digits <= 18) {
          mantissa = mantissa * 10 + (c - '0');
          if (dot) {
            fractionDigits++;
          }
        } else if (!dot) {
          fractionDigits--;
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (!anyDigit) {
      return 0;
    }
    int exponent = 0;
    if (p < to && (b[p] == 'e' || b[p] == 'E')) {
      p++;
      boolean expNegative = false;
      if (p < to && (b[p] == '-' || b[p] == '+')) {
        expNegative = b[p] == '-';
        p++;
      }
      if (p == to) {
        return 0;
      }
      for (; p < to; p++) {
        if (!isDigit(b[p])) {
          return 0;
        }
        if (exponent < 100_000) {
          exponent = exponent * 10 + (b[p] - '0');
        }
      }
      if (expNegative) {
        exponent = -exponent;
      }
    }
    if (p != to) {
      return 0;
    }
    ok = true;
    int scale = exponent - fractionDigits;
    double value;
    if (digits <= 15 && scale >= -22 && scale <= 22) {
      value = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
    } else {
      value = Double.parseDouble(Bytes.ascii(b, from, to));
      return value;
    }
    return negative ? -value : value;
  }

  private double special(byte[] b, int p, int to, boolean negative) {
    if (equalsIgnoreCase("inf", b, p, to) || equalsIgnoreCase("infinity", b, p, to)) {
      ok = true;
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (equalsIgnoreCase("nan", b, p, to)) {
      ok = true;
      return Double.NaN;
    }
    return 0;
  }

  /** Parses a signed decimal integer that fits in a long. */
  long parseLong(byte[] b, int from, int to) {
    ok = false;
    int p = from;
    boolean negative = p < to && b[p] == '-';
    if (negative || (p < to && b[p] == '+')) {
      p++;
    }
    if (p == to) {
      return 0;
    }
    long value = 0;
    for (; p < to; p++) {
      if (!isDigit(b[p])) {
        return 0;
      }
      int digit = b[p] - '0';
      if (value > (Long.MAX_VALUE - digit) / 10) {
        return 0;
      }
      value = value * 10 + digit;
    }
    ok = true;
    return negative ? -value : value;
  }

  private static boolean equalsIgnoreCase(String word, byte[] b, int from, int to) {
    if (to - from != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.toLowerCase((char) (b[from + i] & 0xff)) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }
}
