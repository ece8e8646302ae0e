package dev.inferencegateway.epp.datastore.prometheus;

import java.nio.charset.StandardCharsets;

/** Byte-range helpers for the parser. */
final class Bytes {
  private Bytes() {}

  static boolean equalsAt(byte[] expected, byte[] b, int from, int to) {
    return to - from == expected.length && java.util.Arrays.equals(b, from, to, expected, 0, expected.length);
  }

  static boolean equalsAscii(String expected, byte[] b, int from, int to) {
    if (to - from != expected.length()) {
      return false;
    }
    for (int i = 0; i < expected.length(); i++) {
      if (b[from + i] != expected.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static String ascii(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  static String utf8(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  /** Returns a printable excerpt of {@code b[from, to)} of at most 80 characters, for messages. */
  static String excerpt(byte[] b, int from, int to) {
    int end = Math.min(to, from + 80);
    StringBuilder out = new StringBuilder(end - from + 3);
    for (int i = from; i < end; i++) {
      int c = b[i] & 0xff;
      out.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
    }
    if (end < to) {
      out.append("...");
    }
    return out.toString();
  }
}
