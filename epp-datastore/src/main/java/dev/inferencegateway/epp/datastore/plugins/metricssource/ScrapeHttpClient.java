package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The HTTP/1.1 client shared by every {@code metrics-data-source}: it opens the keep-alive
 * connections that each endpoint's poller holds, one per model server, and tracks them.
 *
 * <p>A scrape is a GET on a connection that the endpoint's poller owns, so a poll takes no lock
 * and scans no pool. Plain-HTTP connections to addresses run on {@link ScrapeEventLoop}
 * threads, each endpoint's on one of them; others are read by the polling thread, each socket
 * read bounded by the poll's deadline. {@code https} is verified with the JVM's default trust
 * store, or trusts every certificate and host name when verification is skipped (upstream's
 * default).
 */
public final class ScrapeHttpClient implements AutoCloseable {
  private static final Object SHARED_LOCK = new Object();
  private static ScrapeHttpClient shared;

  private final Set<ScrapeConnection> open = ConcurrentHashMap.newKeySet();
  private final ScrapeEventLoop[] eventLoops;
  private final AtomicInteger nextEventLoop = new AtomicInteger();
  private volatile SSLSocketFactory verifying;
  private volatile SSLSocketFactory insecure;

  /** Creates a client with no connections and one event loop per four processors (at least one). */
  public ScrapeHttpClient() {
    this(Math.max(1, Runtime.getRuntime().availableProcessors() / 4));
  }

  /** Creates a client with no connections and {@code eventLoopCount} event loops. */
  public ScrapeHttpClient(int eventLoopCount) {
    if (eventLoopCount < 1) {
      throw new IllegalArgumentException("eventLoopCount must be >= 1, got " + eventLoopCount);
    }
    eventLoops = new ScrapeEventLoop[eventLoopCount];
    for (int i = 0; i < eventLoopCount; i++) {
      eventLoops[i] = new ScrapeEventLoop("metrics-scraper-" + i, ScrapeEventLoop.DEFAULT_LINGER);
    }
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

  /** Opens a connection to {@code origin} before {@code deadline} ({@link System#nanoTime()} based). */
  HttpConnection connect(Origin origin, boolean insecureSkipVerify, long deadline) throws IOException {
    SSLSocketFactory tls = origin.https() ? tlsFactory(insecureSkipVerify) : null;
    return track(HttpConnection.open(origin, tls, !insecureSkipVerify, deadline, open::remove));
  }

  /** Returns an event loop for a new poller's plain-HTTP connections, the loops taken in turn. */
  ScrapeEventLoop nextEventLoop() {
    return eventLoops[Math.floorMod(nextEventLoop.getAndIncrement(), eventLoops.length)];
  }

  /** Starts connecting to the plain-HTTP {@code origin}, whose host is an address; call on {@code loop}. */
  AsyncConnection connectAsync(ScrapeEventLoop loop, Origin origin) throws IOException {
    return track(AsyncConnection.open(loop, origin, open::remove));
  }

  private <C extends ScrapeConnection> C track(C opened) {
    open.add(opened);
    if (opened.isClosed()) {
      open.remove(opened);
    }
    return opened;
  }

  /** Returns the number of open connections, for diagnostics. */
  public int connectionCount() {
    return open.size();
  }

  /** Closes every open connection; polls in flight fail, later polls connect again. */
  @Override
  public void close() {
    for (ScrapeConnection connection : open) {
      connection.close();
    }
  }

  private SSLSocketFactory tlsFactory(boolean insecureSkipVerify) throws IOException {
    SSLSocketFactory factory = insecureSkipVerify ? insecure : verifying;
    if (factory != null) {
      return factory;
    }
    synchronized (this) {
      try {
        if (insecureSkipVerify) {
          if (insecure == null) {
            insecure = trustingEveryone();
          }
          return insecure;
        }
        if (verifying == null) {
          verifying = SSLContext.getDefault().getSocketFactory();
        }
        return verifying;
      } catch (GeneralSecurityException e) {
        throw new IOException("cannot create the TLS context for scraping: " + e.getMessage(), e);
      }
    }
  }

  private static SSLSocketFactory trustingEveryone() throws GeneralSecurityException {
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
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustAll}, null);
    return context.getSocketFactory();
  }
}
