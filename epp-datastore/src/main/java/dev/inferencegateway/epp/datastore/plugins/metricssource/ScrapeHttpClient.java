package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The HTTP client shared by every {@code metrics-data-source}: one OkHttp connection pool that
 * keeps a connection alive per model server, as upstream's shared client does (5000 idle
 * connections, 10 s idle timeout, 10 s overall timeout; each poll sets its own, shorter, timeout).
 */
public final class ScrapeHttpClient implements AutoCloseable {
  private static final Object SHARED_LOCK = new Object();
  private static ScrapeHttpClient shared;

  private final OkHttpClient verifying;
  private volatile OkHttpClient insecure;

  /** Creates a client with upstream's pool settings. */
  public ScrapeHttpClient() {
    this(5000, Duration.ofSeconds(10));
  }

  /** Creates a client keeping at most {@code maxIdleConnections} for {@code keepAlive} each. */
  public ScrapeHttpClient(int maxIdleConnections, Duration keepAlive) {
    this.verifying = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(maxIdleConnections, keepAlive.toMillis(), TimeUnit.MILLISECONDS))
        .callTimeout(Duration.ofSeconds(10))
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(10))
        .followRedirects(true)
        .build();
  }

  /** Returns the process-wide client, created on first use. */
  public static ScrapeHttpClient shared() {
    synchronized (SHARED_LOCK) {
      if (shared == null) {
        shared = new ScrapeHttpClient();
      }
      return shared;
    }
  }

  /** Returns the client to use; both variants share one connection pool. */
  OkHttpClient client(boolean insecureSkipVerify) {
    if (!insecureSkipVerify) {
      return verifying;
    }
    OkHttpClient c = insecure;
    if (c == null) {
      synchronized (this) {
        if (insecure == null) {
          insecure = trustingEveryone(verifying);
        }
        c = insecure;
      }
    }
    return c;
  }

  /** Returns the number of open connections (in use or idle), for diagnostics. */
  public int connectionCount() {
    return verifying.connectionPool().connectionCount();
  }

  /** Closes idle connections; in-flight calls finish. */
  @Override
  public void close() {
    verifying.connectionPool().evictAll();
    verifying.dispatcher().executorService().shutdown();
  }

  private static OkHttpClient trustingEveryone(OkHttpClient base) {
    X509TrustManager trustAll = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustAll}, null);
      return base.newBuilder()
          .sslSocketFactory(context.getSocketFactory(), trustAll)
          .hostnameVerifier((host, session) -> true)
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a TLS context that skips verification", e);
    }
  }
}
