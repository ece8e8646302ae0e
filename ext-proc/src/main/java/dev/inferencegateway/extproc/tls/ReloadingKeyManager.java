package dev.inferencegateway.extproc.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A TLS key manager whose key and certificate can be replaced while the server runs; new
 * handshakes use the latest key, established connections keep theirs.
 */
public final class ReloadingKeyManager extends X509ExtendedKeyManager {
  private static final char[] PASSWORD = "in-memory".toCharArray();
  private volatile X509ExtendedKeyManager delegate;
  private volatile CertifiedKey current;

  /** Creates the key manager with an initial key. */
  public ReloadingKeyManager(CertifiedKey key) {
    update(key);
  }

  /**
   * Replaces the key and certificate chain.
   *
   * @throws IllegalArgumentException when the key does not belong to the leaf certificate
   */
  public void update(CertifiedKey key) {
    Objects.requireNonNull(key, "key");
    requireMatching(key.privateKey(), key.leaf().getPublicKey());
    this.delegate = keyManagerFor(key);
    this.current = key;
  }

  /** Returns the key and chain presented to new connections. */
  public CertifiedKey current() {
    return current;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return delegate.getClientAliases(keyType, issuers);
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return delegate.chooseClientAlias(keyType, issuers, socket);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return delegate.getServerAliases(keyType, issuers);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return delegate.chooseServerAlias(keyType, issuers, socket);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return delegate.chooseEngineServerAlias(keyType, issuers, engine);
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    return delegate.chooseEngineClientAlias(keyType, issuers, engine);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return delegate.getCertificateChain(alias);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return delegate.getPrivateKey(alias);
  }

  private static X509ExtendedKeyManager keyManagerFor(CertifiedKey key) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", key.privateKey(), PASSWORD, key.chain().toArray(X509Certificate[]::new));
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, PASSWORD);
      for (KeyManager manager : factory.getKeyManagers()) {
        if (manager instanceof X509ExtendedKeyManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("the JDK offers no X.509 key manager");
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("cannot use the key and certificate: " + e.getMessage(), e);
    }
  }

  private static void requireMatching(PrivateKey privateKey, PublicKey publicKey) {
    String algorithm = switch (privateKey.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> null;
    };
    if (algorithm == null) {
      return;
    }
    try {
      byte[] probe = "inference-gateway-key-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(privateKey);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new IllegalArgumentException("the private key does not match the certificate");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the private key does not match the certificate: " + e.getMessage(), e);
    }
  }
}
