package dev.inferencegateway.epp.datastore.prometheus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds bytes eight at a time ("SIMD within a register"): the scans for line ends and for the end
 * of quoted strings dominate parsing, and this makes them several times cheaper than a byte loop.
 */
final class Swar {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = '"' * ONES;
  private static final long BACKSLASHES = '\\' * ONES;

  private Swar() {}

  /** Returns the index of the first {@code '\n'} in {@code b[from, to)}, or -1. */
  static int indexOfNewline(byte[] b, int from, int to) {
    return indexOfByte(b, from, to, (byte) '\n');
  }

  /** Returns the index of the first {@code target} in {@code b[from, to)}, or -1. */
  static int indexOfByte(byte[] b, int from, int to, byte target) {
    long pattern = (target & 0xffL) * ONES;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long found = zeroBytes((long) LONGS.get(b, i) ^ pattern);
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == target) {
        return i;
      }
    }
    return -1;
  }

  /** Returns the index of the first {@code '"'} or {@code '\\'} in {@code b[from, to)}, or -1. */
  static int indexOfQuoteOrBackslash(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long word = (long) LONGS.get(b, i);
      long found = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES);
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '"' || b[i] == '\\') {
        return i;
      }
    }
    return -1;
  }

  /** Marks the zero bytes of {@code word}; the lowest mark is always exact. */
  private static long zeroBytes(long word) {
    return (word - ONES) & ~word & HIGHS;
  }
}
