package dev.inferencegateway.extproc.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key and its certificate chain (leaf first), as a TLS server presents them.
 *
 * @param privateKey the server's private key
 * @param chain the certificate chain, leaf first, never empty
 */
public record CertifiedKey(PrivateKey privateKey, List<X509Certificate> chain) {
  public CertifiedKey {
    Objects.requireNonNull(privateKey, "privateKey");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a certificate chain needs at least one certificate");
    }
  }

  /** Returns the leaf certificate. */
  public X509Certificate leaf() {
    return chain.get(0);
  }
}
