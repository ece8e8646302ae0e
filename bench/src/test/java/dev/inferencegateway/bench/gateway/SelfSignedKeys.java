package dev.inferencegateway.bench.gateway;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;

/** Generates a self-signed key pair with the JDK's keytool, as the EPP's default certificate is. */
final class SelfSignedKeys {
  private static final char[] PASSWORD = "changeit".toCharArray();

  private SelfSignedKeys() {}

  static KeyManagerFactory generate() throws Exception {
    Path dir = Files.createTempDirectory("selfsigned");
    Path store = dir.resolve("keys.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "epp", "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", "CN=epp.invalid", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", new String(PASSWORD))
        .redirectErrorStream(true).start();
    process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool failed");
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, PASSWORD);
    Files.delete(store);
    Files.delete(dir);
    return factory;
  }
}
