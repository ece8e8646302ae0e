package dev.inferencegateway.epp.datastore.prometheus;

/** Table-driven classification of name characters. */
final class CharClass {
  private static final byte METRIC_START = 1;
  private static final byte METRIC_PART = 2;
  private static final byte LABEL_START = 4;
  private static final byte LABEL_PART = 8;
  private static final byte[] TABLE = new byte[256];

  static {
    for (int c = 0; c < 256; c++) {
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      boolean digit = c >= '0' && c <= '9';
      int bits = 0;
      if (letter || c == ':') {
        bits |= METRIC_START | METRIC_PART;
      }
      if (digit) {
        bits |= METRIC_PART | LABEL_PART;
      }
      if (letter) {
        bits |= LABEL_START | LABEL_PART;
      }
      TABLE[c] = (byte) bits;
    }
  }

  private CharClass() {}

  static boolean isMetricNameStart(byte c) {
    return (TABLE[c & 0xff] & METRIC_START) != 0;
  }

  static boolean isMetricNameChar(byte c) {
    return (TABLE[c & 0xff] & METRIC_PART) != 0;
  }

  static boolean isLabelNameStart(byte c) {
    return (TABLE[c & 0xff] & LABEL_START) != 0;
  }

  static boolean isLabelNameChar(byte c) {
    return (TABLE[c & 0xff] & LABEL_PART) != 0;
  }
}
