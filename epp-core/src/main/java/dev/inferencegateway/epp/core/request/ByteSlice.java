package dev.inferencegateway.epp.core.request;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A read-only view of a range of a byte array, used to hand request bytes to plugins without
 * copying.
 *
 * @param array the backing array; never modified
 * @param offset the first byte
 * @param length the number of bytes
 */
public record ByteSlice(byte[] array, int offset, int length) {
  /** The empty slice. */
  public static final ByteSlice EMPTY = new ByteSlice(new byte[0], 0, 0);

  public ByteSlice {
    Objects.requireNonNull(array, "array");
    Objects.checkFromIndexSize(offset, length, array.length);
  }

  /** Returns a slice over the whole array. */
  public static ByteSlice of(byte[] array) {
    return new ByteSlice(array, 0, array.length);
  }

  /** Returns a copy of the bytes. */
  public byte[] toByteArray() {
    byte[] copy = new byte[length];
    System.arraycopy(array, offset, copy, 0, length);
    return copy;
  }

  /** Decodes the bytes as UTF-8. */
  public String utf8() {
    return new String(array, offset, length, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ByteSlice other
        && java.util.Arrays.equals(array, offset, offset + length, other.array, other.offset,
            other.offset + other.length);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = offset; i < offset + length; i++) {
      h = 31 * h + array[i];
    }
    return h;
  }

  @Override
  public String toString() {
    return "ByteSlice[" + length + " bytes]";
  }
}
