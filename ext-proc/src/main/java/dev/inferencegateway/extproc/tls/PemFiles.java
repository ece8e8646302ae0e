package dev.inferencegateway.extproc.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes PEM certificates and private keys: certificate chains, and unencrypted keys in
 * PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY})
 * form, the shapes found in Kubernetes TLS secrets.
 */
public final class PemFiles {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
  private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
  private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";

  private PemFiles() {}

  /** Reads a PEM certificate chain (leaf first). */
  public static List<X509Certificate> readCertificates(Path file) throws IOException {
    List<X509Certificate> certificates = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Block block : blocks(file)) {
        if (block.type().equals("CERTIFICATE")) {
          certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
        }
      }
    } catch (CertificateException e) {
      throw new IOException(file + ": invalid certificate: " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new IOException(file + ": no PEM CERTIFICATE block found");
    }
    return certificates;
  }

  /** Reads the first private key of a PEM file. */
  public static PrivateKey readPrivateKey(Path file) throws IOException {
    for (Block block : blocks(file)) {
      try {
        switch (block.type()) {
          case "PRIVATE KEY" -> {
            return pkcs8(block.der());
          }
          case "RSA PRIVATE KEY" -> {
            return pkcs8(wrap(Der.sequence(Der.oid(RSA_ENCRYPTION), Der.nul()), block.der()));
          }
          case "EC PRIVATE KEY" -> {
            return pkcs8(wrap(Der.sequence(Der.oid(EC_PUBLIC_KEY), curveOf(block.der())), block.der()));
          }
          case "ENCRYPTED PRIVATE KEY" -> throw new IOException(file + ": encrypted private keys are not supported");
          default -> { }
        }
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new IOException(file + ": invalid " + block.type() + ": " + e.getMessage(), e);
      }
    }
    throw new IOException(file + ": no PEM private key block found");
  }

  /** Writes {@code key} as a PEM certificate chain and a PKCS#8 private key. */
  public static void write(CertifiedKey key, Path certificateFile, Path keyFile) throws IOException {
    StringBuilder chain = new StringBuilder();
    try {
      for (X509Certificate certificate : key.chain()) {
        chain.append(encode("CERTIFICATE", certificate.getEncoded()));
      }
    } catch (CertificateException e) {
      throw new IOException("cannot encode certificate: " + e.getMessage(), e);
    }
    Files.writeString(certificateFile, chain);
    Files.writeString(keyFile, encode("PRIVATE KEY", key.privateKey().getEncoded()));
  }

  /** Encodes DER bytes as one PEM block. */
  public static String encode(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    GeneralSecurityException last = null;
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }

  private static byte[] wrap(byte[] algorithmIdentifier, byte[] privateKey) {
    return Der.sequence(Der.integer(BigInteger.ZERO), algorithmIdentifier, Der.octetString(privateKey));
  }

  private static byte[] curveOf(byte[] sec1) {
    DerReader key = new DerReader(sec1).enter(Der.SEQUENCE);
    key.read(Der.INTEGER);
    key.read(Der.OCTET_STRING);
    while (key.hasMore()) {
      if (key.peekTag() == 0xa0) {
        return key.enter(0xa0).readEncoded();
      }
      key.readEncoded();
    }
    throw new IllegalArgumentException("the EC private key does not name its curve");
  }

  private static List<Block> blocks(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    List<Block> blocks = new ArrayList<>();
    Matcher matcher = BLOCK.matcher(text);
    while (matcher.find()) {
      try {
        blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": invalid base64 in PEM block " + matcher.group(1), e);
      }
    }
    return blocks;
  }

  private record Block(String type, byte[] der) {}
}
