package dev.inferencegateway.extproc.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A minimal ASN.1 DER encoder: the few universal and context-specific types that an X.509
 * certificate and a PKCS#8 private key wrapper need.
 */
final class Der {
  static final int SEQUENCE = 0x30;
  static final int SET = 0x31;
  static final int INTEGER = 0x02;
  static final int BIT_STRING = 0x03;
  static final int OCTET_STRING = 0x04;
  static final int NULL = 0x05;
  static final int OID = 0x06;
  static final int UTF8_STRING = 0x0c;
  static final int IA5_STRING = 0x16;
  static final int UTC_TIME = 0x17;
  static final int GENERALIZED_TIME = 0x18;
  static final int BOOLEAN = 0x01;

  private static final DateTimeFormatter UTC_TIME_FORMAT = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
  private static final DateTimeFormatter GENERALIZED_TIME_FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

  private Der() {}

  /** Encodes one tag-length-value element. */
  static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    writeLength(out, content.length);
    out.writeBytes(content);
    return out.toByteArray();
  }

  /** Encodes a SEQUENCE of already encoded elements. */
  static byte[] sequence(byte[]... elements) {
    return tlv(SEQUENCE, concat(elements));
  }

  /** Encodes a SET of already encoded elements (given in DER order). */
  static byte[] set(byte[]... elements) {
    return tlv(SET, concat(elements));
  }

  /** Encodes an INTEGER. */
  static byte[] integer(BigInteger value) {
    return tlv(INTEGER, value.toByteArray());
  }

  /** Encodes a BOOLEAN. */
  static byte[] bool(boolean value) {
    return tlv(BOOLEAN, new byte[] {(byte) (value ? 0xff : 0x00)});
  }

  /** Encodes NULL. */
  static byte[] nul() {
    return new byte[] {NULL, 0};
  }

  /** Encodes a BIT STRING with no unused bits. */
  static byte[] bitString(byte[] bits) {
    byte[] content = new byte[bits.length + 1];
    System.arraycopy(bits, 0, content, 1, bits.length);
    return tlv(BIT_STRING, content);
  }

  /** Encodes an OCTET STRING. */
  static byte[] octetString(byte[] bytes) {
    return tlv(OCTET_STRING, bytes);
  }

  /** Encodes a UTF8String. */
  static byte[] utf8(String text) {
    return tlv(UTF8_STRING, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Encodes a time as UTCTime before 2050 and GeneralizedTime from 2050, as RFC 5280 requires. */
  static byte[] time(ZonedDateTime time) {
    ZonedDateTime utc = time.withZoneSameInstant(ZoneOffset.UTC).withNano(0);
    if (utc.getYear() < 2050) {
      return tlv(UTC_TIME, UTC_TIME_FORMAT.format(utc).getBytes(StandardCharsets.US_ASCII));
    }
    return tlv(GENERALIZED_TIME, GENERALIZED_TIME_FORMAT.format(utc).getBytes(StandardCharsets.US_ASCII));
  }

  /** Encodes an explicit context-specific tag {@code [n]} around an encoded element. */
  static byte[] explicit(int n, byte[] element) {
    return tlv(0xa0 | n, element);
  }

  /** Encodes an implicit primitive context-specific tag {@code [n]} over raw content. */
  static byte[] implicitPrimitive(int n, byte[] content) {
    return tlv(0x80 | n, content);
  }

  /** Encodes an OBJECT IDENTIFIER given in dotted form. */
  static byte[] oid(String dotted) {
    String[] parts = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeBase128(out, Long.parseLong(parts[0]) * 40 + Long.parseLong(parts[1]));
    for (int i = 2; i < parts.length; i++) {
      writeBase128(out, Long.parseLong(parts[i]));
    }
    return tlv(OID, out.toByteArray());
  }

  private static void writeBase128(ByteArrayOutputStream out, long value) {
    int groups = 1;
    for (long v = value >>> 7; v != 0; v >>>= 7) {
      groups++;
    }
    for (int i = groups - 1; i >= 0; i--) {
      int b = (int) ((value >>> (7 * i)) & 0x7f);
      out.write(i == 0 ? b : b | 0x80);
    }
  }

  private static void writeLength(ByteArrayOutputStream out, int length) {
    if (length < 0x80) {
      out.write(length);
      return;
    }
    int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
    out.write(0x80 | bytes);
    for (int i = bytes - 1; i >= 0; i--) {
      out.write(length >>> (8 * i));
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
