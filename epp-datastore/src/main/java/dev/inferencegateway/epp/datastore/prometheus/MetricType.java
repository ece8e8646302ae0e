package dev.inferencegateway.epp.datastore.prometheus;

/** The type of a metric family, as declared by a {@code # TYPE} line. */
public enum MetricType {
  COUNTER("counter"),
  GAUGE("gauge"),
  HISTOGRAM("histogram"),
  SUMMARY("summary"),
  UNTYPED("untyped"),
  /** OpenMetrics' name for an untyped family. */
  UNKNOWN("unknown"),
  GAUGE_HISTOGRAM("gaugehistogram"),
  INFO("info"),
  STATESET("stateset");

  private static final MetricType[] VALUES = values();
  private final String token;
  private final byte[] tokenBytes;
  private final byte[][] suffixes;

  MetricType(String token) {
    this.token = token;
    this.tokenBytes = token.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    this.suffixes = suffixesOf(token);
  }

  /** Returns the token used in {@code # TYPE} lines. */
  public String token() {
    return token;
  }

  /** Returns the type spelled by {@code b[from, to)}, or null when the token is unknown. */
  static MetricType fromToken(byte[] b, int from, int to) {
    for (MetricType t : VALUES) {
      if (Bytes.equalsAt(t.tokenBytes, b, from, to)) {
        return t;
      }
    }
    return null;
  }

  /** Returns true when a sample named {@code family + suffix} belongs to a family of this type. */
  boolean acceptsSuffix(byte[] b, int from, int to) {
    for (byte[] suffix : suffixes) {
      if (Bytes.equalsAt(suffix, b, from, to)) {
        return true;
      }
    }
    return false;
  }

  private static byte[][] suffixesOf(String token) {
    String[] names = switch (token) {
      case "histogram" -> new String[] {"_bucket", "_sum", "_count", "_created"};
      case "gaugehistogram" -> new String[] {"_bucket", "_gsum", "_gcount"};
      case "summary" -> new String[] {"_sum", "_count", "_created"};
      case "counter" -> new String[] {"_total", "_created"};
      case "info" -> new String[] {"_info"};
      default -> new String[0];
    };
    byte[][] out = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      out[i] = names[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
    return out;
  }
}
