package dev.inferencegateway.extproc.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  @Test
  void selfSigned_hasNamesValidityAndServerUsage() throws Exception {
    CertifiedKey key = SelfSignedCertificates.generate("epp", List.of("localhost", "127.0.0.1", "::1"),
        Duration.ofDays(10), CLOCK, new SecureRandom());
    X509Certificate cert = key.leaf();

    cert.verify(cert.getPublicKey());
    assertThat(cert.getSubjectX500Principal()).isEqualTo(new X500Principal("CN=epp, O=Inference Ext"));
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
    assertThat(cert.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-02-28T23:55:00Z"));
    assertThat(cert.getSubjectAlternativeNames().stream().map(entry -> String.valueOf(entry.get(1))))
        .contains("localhost", "127.0.0.1");
    assertThat(cert.getSubjectAlternativeNames()).hasSize(3);
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(cert.getKeyUsage()[0]).isTrue();
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getSerialNumber()).isPositive();
  }

  @Test
  void selfSigned_after2049_usesGeneralizedTime() throws Exception {
    CertifiedKey key = SelfSignedCertificates.generate("epp", List.of(), Duration.ofDays(365 * 30), CLOCK,
        new SecureRandom());
    assertThat(key.leaf().getNotAfter().toInstant()).isAfter(Instant.parse("2055-01-01T00:00:00Z"));
  }

  @Test
  void pkcs8_roundTrips() throws Exception {
    CertifiedKey key = SelfSignedCertificates.generate("epp", List.of("localhost"), Duration.ofDays(1), CLOCK,
        new SecureRandom());
    PemFiles.write(key, dir.resolve("tls.crt"), dir.resolve("tls.key"));

    assertThat(PemFiles.readPrivateKey(dir.resolve("tls.key")).getEncoded()).isEqualTo(key.privateKey().getEncoded());
    assertThat(PemFiles.readCertificates(dir.resolve("tls.crt"))).containsExactly(key.leaf());
  }

  @Test
  void pkcs1RsaKey_isRead() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    byte[] pkcs1 = innerKey(pair.getPrivate());
    Files.writeString(dir.resolve("rsa.key"), PemFiles.encode("RSA PRIVATE KEY", pkcs1));

    PrivateKey read = PemFiles.readPrivateKey(dir.resolve("rsa.key"));

    assertThat(read.getAlgorithm()).isEqualTo("RSA");
    assertThat(read.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
  }

  @Test
  void sec1EcKeyWithCurveParameters_isRead() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    DerReader sec1 = new DerReader(innerKey(pair.getPrivate())).enter(Der.SEQUENCE);
    sec1.read(Der.INTEGER);
    byte[] secret = sec1.read(Der.OCTET_STRING);
    byte[] withCurve = Der.sequence(Der.integer(BigInteger.ONE), Der.octetString(secret),
        Der.explicit(0, Der.oid("1.2.840.10045.3.1.7")));
    Files.writeString(dir.resolve("ec.key"), PemFiles.encode("EC PARAMETERS", Der.oid("1.2.840.10045.3.1.7"))
        + PemFiles.encode("EC PRIVATE KEY", withCurve));

    PrivateKey read = PemFiles.readPrivateKey(dir.resolve("ec.key"));

    assertThat(read.getAlgorithm()).isEqualTo("EC");
    assertThat(((java.security.interfaces.ECPrivateKey) read).getS())
        .isEqualTo(((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getS());
  }

  @Test
  void missingOrBrokenFiles_nameTheFile() throws IOException {
    Files.writeString(dir.resolve("empty.key"), "nothing here");
    Files.writeString(dir.resolve("enc.key"), PemFiles.encode("ENCRYPTED PRIVATE KEY", new byte[] {1, 2}));
    Files.writeString(dir.resolve("bad.crt"), PemFiles.encode("CERTIFICATE", new byte[] {1, 2, 3}));

    assertThatThrownBy(() -> PemFiles.readPrivateKey(dir.resolve("empty.key")))
        .hasMessageContaining("empty.key").hasMessageContaining("no PEM private key");
    assertThatThrownBy(() -> PemFiles.readPrivateKey(dir.resolve("enc.key")))
        .hasMessageContaining("encrypted private keys are not supported");
    assertThatThrownBy(() -> PemFiles.readCertificates(dir.resolve("bad.crt")))
        .hasMessageContaining("bad.crt").hasMessageContaining("invalid certificate");
    assertThatThrownBy(() -> ServerTls.fromDirectory(dir, false))
        .hasMessageContaining("tls.crt");
  }

  @Test
  void keyNotMatchingCertificate_isRefused() throws Exception {
    CertifiedKey a = SelfSignedCertificates.generate("a", List.of(), Duration.ofDays(1), CLOCK, new SecureRandom());
    CertifiedKey b = SelfSignedCertificates.generate("b", List.of(), Duration.ofDays(1), CLOCK, new SecureRandom());
    PemFiles.write(new CertifiedKey(b.privateKey(), a.chain()), dir.resolve("tls.crt"), dir.resolve("tls.key"));

    assertThatThrownBy(() -> ServerTls.fromDirectory(dir, false))
        .hasMessageContaining("does not match the certificate");
  }

  private static byte[] innerKey(PrivateKey key) {
    DerReader pkcs8 = new DerReader(key.getEncoded()).enter(Der.SEQUENCE);
    pkcs8.read(Der.INTEGER);
    pkcs8.read(Der.SEQUENCE);
    return pkcs8.read(Der.OCTET_STRING);
  }
}
