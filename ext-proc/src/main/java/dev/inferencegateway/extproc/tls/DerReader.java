package dev.inferencegateway.extproc.tls;

import java.util.Arrays;

/** A minimal ASN.1 DER reader over one encoded value, enough to walk a SEC1 EC private key. */
final class DerReader {
  private final byte[] data;
  private int position;
  private final int end;

  DerReader(byte[] data) {
    this(data, 0, data.length);
  }

  private DerReader(byte[] data, int start, int end) {
    this.data = data;
    this.position = start;
    this.end = end;
  }

  /** Returns true when elements remain. */
  boolean hasMore() {
    return position < end;
  }

  /** Returns the tag of the next element without consuming it. */
  int peekTag() {
    requireMore();
    return data[position] & 0xff;
  }

  /** Reads the next element and returns a reader over its content. */
  DerReader enter(int expectedTag) {
    int[] bounds = next(expectedTag);
    return new DerReader(data, bounds[0], bounds[1]);
  }

  /** Reads the next element and returns its content bytes. */
  byte[] read(int expectedTag) {
    int[] bounds = next(expectedTag);
    return Arrays.copyOfRange(data, bounds[0], bounds[1]);
  }

  /** Reads the next element and returns its complete encoding (tag, length and content). */
  byte[] readEncoded() {
    int start = position;
    next(peekTag());
    return Arrays.copyOfRange(data, start, position);
  }

  private int[] next(int expectedTag) {
    requireMore();
    int tag = data[position++] & 0xff;
    if (tag != expectedTag) {
      throw new IllegalArgumentException(String.format(
          "malformed DER: expected tag 0x%02x, found 0x%02x", expectedTag, tag));
    }
    requireMore();
    int length = data[position++] & 0xff;
    if (length >= 0x80) {
      int bytes = length & 0x7f;
      if (bytes == 0 || bytes > 4) {
        throw new IllegalArgumentException("malformed DER: unsupported length encoding");
      }
      length = 0;
      for (int i = 0; i < bytes; i++) {
        requireMore();
        length = (length << 8) | (data[position++] & 0xff);
      }
    }
    if (length < 0 || position + length > end) {
      throw new IllegalArgumentException("malformed DER: length exceeds the data");
    }
    int start = position;
    position += length;
    return new int[] {start, position};
  }

  private void requireMore() {
    if (position >= end) {
      throw new IllegalArgumentException("malformed DER: unexpected end of data");
    }
  }
}
