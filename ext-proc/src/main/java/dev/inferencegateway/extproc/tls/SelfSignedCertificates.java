package dev.inferencegateway.extproc.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a self-signed X.509 server certificate with an EC P-256 key, using only the JDK's
 * key generator and signature engine plus a small DER encoder (no internal JDK classes).
 *
 * <p>The certificate carries {@code O=Inference Ext}, the given common name, the given host names
 * and IP addresses as subject alternative names, key usage {@code digitalSignature} and extended
 * key usage {@code serverAuth}.
 */
public final class SelfSignedCertificates {
  /** How long a generated certificate is valid, as upstream's self-signed certificate. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(3650);

  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final String ORGANIZATION = "2.5.4.10";
  private static final String COMMON_NAME = "2.5.4.3";
  private static final String SUBJECT_ALT_NAME = "2.5.29.17";
  private static final String KEY_USAGE = "2.5.29.15";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String EXT_KEY_USAGE = "2.5.29.37";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  private SelfSignedCertificates() {}

  /**
   * Generates a key pair and a certificate for it.
   *
   * @param commonName the subject's common name
   * @param altNames DNS names and IP literals to list as subject alternative names
   * @param validity how long the certificate is valid from now
   * @param clock the clock that dates the certificate
   * @param random the randomness for the key and serial number
   */
  public static CertifiedKey generate(String commonName, List<String> altNames, Duration validity,
      Clock clock, SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair keys = generator.generateKeyPair();
      ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
      byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
      byte[] name = Der.sequence(
          Der.set(Der.sequence(Der.oid(ORGANIZATION), Der.utf8("Inference Ext"))),
          Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8(commonName))));
      byte[] tbs = Der.sequence(
          Der.explicit(0, Der.integer(BigInteger.TWO)),
          Der.integer(new BigInteger(126, random).setBit(125)),
          algorithm,
          name,
          Der.sequence(Der.time(now.minusMinutes(5)), Der.time(now.plus(validity))),
          name,
          keys.getPublic().getEncoded(),
          Der.explicit(3, Der.sequence(extensions(altNames))));
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(keys.getPrivate(), random);
      signer.update(tbs);
      byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
      X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(certificate));
      return new CertifiedKey(keys.getPrivate(), List.of(parsed));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a self-signed certificate: " + e.getMessage(), e);
    }
  }

  private static byte[][] extensions(List<String> altNames) {
    List<byte[]> generalNames = new ArrayList<>();
    for (String altName : altNames) {
      generalNames.add(isIpLiteral(altName)
          ? Der.implicitPrimitive(7, ipAddress(altName))
          : Der.implicitPrimitive(2, altName.getBytes(StandardCharsets.US_ASCII)));
    }
    List<byte[]> extensions = new ArrayList<>();
    extensions.add(extension(BASIC_CONSTRAINTS, true, Der.sequence()));
    extensions.add(extension(KEY_USAGE, true, Der.tlv(Der.BIT_STRING, new byte[] {7, (byte) 0x80})));
    extensions.add(extension(EXT_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH))));
    if (!generalNames.isEmpty()) {
      extensions.add(extension(SUBJECT_ALT_NAME, false, Der.sequence(generalNames.toArray(byte[][]::new))));
    }
    return extensions.toArray(byte[][]::new);
  }

  private static byte[] extension(String oid, boolean critical, byte[] value) {
    return critical
        ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
        : Der.sequence(Der.oid(oid), Der.octetString(value));
  }

  private static boolean isIpLiteral(String name) {
    return name.indexOf(':') >= 0 || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  private static byte[] ipAddress(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + literal, e);
    }
  }
}
