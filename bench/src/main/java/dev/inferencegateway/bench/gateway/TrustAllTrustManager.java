package dev.inferencegateway.bench.gateway;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager that accepts every certificate and host name, for a development tool talking to
 * ext_proc servers with self-signed certificates on loopback. Never use it in production.
 */
final class TrustAllTrustManager extends X509ExtendedTrustManager {
  static final TrustAllTrustManager INSTANCE = new TrustAllTrustManager();

  private TrustAllTrustManager() {}

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    // every certificate is accepted
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    // every certificate is accepted
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    // every certificate is accepted
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    // every certificate is accepted
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {
    // every certificate is accepted
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {
    // every certificate is accepted
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
