package dev.inferencegateway.epp.datastore.plugins.metricssource;

import dev.inferencegateway.epp.datastore.collector.EndpointPoller;
import dev.inferencegateway.epp.datastore.prometheus.ExpositionFormat;
import dev.inferencegateway.epp.datastore.prometheus.FamilySelection;
import dev.inferencegateway.epp.datastore.prometheus.MetricFamilies;
import dev.inferencegateway.epp.datastore.prometheus.PrometheusParseException;
import dev.inferencegateway.epp.datastore.prometheus.PrometheusTextParser;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Fetches and parses one endpoint's {@code /metrics} over the keep-alive connection it owns,
 * reusing its parser buffer across polls.
 *
 * <p>Redirects are followed (at most {@value #MAX_REDIRECTS}, as Go's client does); a connection
 * that the server closed while idle is replaced and the request sent again once.
 */
final class MetricsPoller implements EndpointPoller {
  /** The most redirects followed in one poll. */
  static final int MAX_REDIRECTS = 10;
  private static final String ACCEPT = "text/plain;version=0.0.4;q=1.0,*/*;q=0.1";
  private static final String USER_AGENT = "gateway-api-inference-extension-epp";
  /** How long a connection may stay idle and still be reused. */
  static final long IDLE_REUSE_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final int DISCARD_LIMIT = 64 * 1024;

  private final ScrapeHttpClient client;
  private final boolean insecureSkipVerify;
  private final URI url;
  private final Origin origin;
  private final byte[] request;
  private final String subject;
  private final FamilySelection selection;
  private final PrometheusTextParser parser = new PrometheusTextParser();
  private volatile HttpConnection connection;
  private volatile HttpConnection detour;
  private volatile boolean closed;
  private long lastExchangeEnd;

  MetricsPoller(ScrapeHttpClient client, boolean insecureSkipVerify, String url, String endpointName,
      FamilySelection selection) {
    this.client = client;
    this.insecureSkipVerify = insecureSkipVerify;
    this.url = URI.create(url);
    this.origin = Origin.of(this.url);
    this.request = requestHead(this.url, origin);
    this.subject = subject(endpointName, url);
    this.selection = selection;
  }

  @Override
  public MetricFamilies poll(Duration timeout) throws IOException, MetricsScrapeException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      URI target = url;
      for (int redirects = 0; ; redirects++) {
        Exchange exchange = send(target, deadline);
        ResponseHead head = exchange.head();
        InputStream body = exchange.connection().body(head);
        if (head.isRedirect() && redirects < MAX_REDIRECTS) {
          discard(body, exchange.connection());
          target = target.resolve(head.location());
          continue;
        }
        if (head.status() != 200) {
          discard(body, exchange.connection());
          throw badStatus(subject, head);
        }
        MetricFamilies families = parser.parse(body, selection, ExpositionFormat.fromContentType(head.contentType()));
        release(exchange.connection());
        return families;
      }
    } catch (PrometheusParseException e) {
      dropConnections();
      throw unusable(subject, e);
    } catch (IOException | IllegalArgumentException e) {
      dropConnections();
      throw failed(subject, e, timeout);
    } finally {
      closeDetour();
    }
  }

  /** Returns how failures name the endpoint {@code endpointName} scraped at {@code url}. */
  static String subject(String endpointName, String url) {
    return "endpoint " + endpointName + " (" + url + ")";
  }

  /** Returns the failure of a poll of {@code subject} whose response could not be parsed. */
  static MetricsScrapeException unusable(String subject, PrometheusParseException e) {
    return new MetricsScrapeException(subject + ": " + e.getMessage(), e);
  }

  /** Returns the failure of a poll of {@code subject} that got no usable response within {@code timeout}. */
  static IOException failed(String subject, Exception e, Duration timeout) {
    if (e instanceof SocketTimeoutException) {
      return new IOException(subject + ": timeout: no complete response within " + timeout.toMillis() + " ms", e);
    }
    return new IOException(subject + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getMessage()), e);
  }

  /** Returns the failure of a poll of {@code subject} answered with a status other than 200. */
  static MetricsScrapeException badStatus(String subject, ResponseHead head) {
    return new MetricsScrapeException(subject + ": HTTP status " + head.status()
        + (head.isRedirect() ? " (stopped after " + MAX_REDIRECTS + " redirects)" : ""), null);
  }

  /** Returns the GET request head for {@code url}, with the headers every scrape sends. */
  static byte[] requestHead(URI target, Origin origin) {
    String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
    String query = target.getRawQuery() == null ? "" : "?" + target.getRawQuery();
    return ("GET " + path + query + " HTTP/1.1\r\n"
        + "Host: " + origin.hostHeader() + "\r\n"
        + "User-Agent: " + USER_AGENT + "\r\n"
        + "Accept: " + ACCEPT + "\r\n"
        + "Accept-Encoding: identity\r\n"
        + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    closed = true;
    dropConnections();
    closeDetour();
  }

  private HttpConnection connectionFor(URI target, long deadline) throws IOException {
    if (closed) {
      throw new IOException("poller closed");
    }
    Origin wanted = target == url ? origin : Origin.of(target);
    if (!wanted.equals(origin)) {
      closeDetour();
      HttpConnection opened = client.connect(wanted, insecureSkipVerify, deadline);
      detour = opened;
      return opened;
    }
    HttpConnection current = connection;
    if (current != null && (!current.reusable() || System.nanoTime() - lastExchangeEnd > IDLE_REUSE_NANOS)) {
      current.close();
      current = null;
    }
    if (current == null) {
      current = client.connect(origin, insecureSkipVerify, deadline);
      connection = current;
      if (closed) {
        current.close();
      }
    }
    return current;
  }

  private Exchange send(URI target, long deadline) throws IOException {
    HttpConnection used = connectionFor(target, deadline);
    byte[] head = target == url ? request : requestHead(target, used.origin());
    try {
      return new Exchange(used, used.exchange(head, deadline));
    } catch (EOFException | SocketException e) {
      if (used != connection || used.exchanges() == 0 || closed) {
        throw e;
      }
      used.close();
      HttpConnection fresh = client.connect(origin, insecureSkipVerify, deadline);
      connection = fresh;
      return new Exchange(fresh, fresh.exchange(head, deadline));
    }
  }

  private void release(HttpConnection used) {
    lastExchangeEnd = System.nanoTime();
    if (!used.reusable()) {
      used.close();
    }
  }

  private void discard(InputStream body, HttpConnection used) throws IOException {
    byte[] sink = new byte[4096];
    long read = 0;
    int n;
    while (read <= DISCARD_LIMIT && (n = body.read(sink, 0, sink.length)) >= 0) {
      read += n;
    }
    if (read > DISCARD_LIMIT) {
      used.close();
      return;
    }
    release(used);
  }

  private void dropConnections() {
    HttpConnection current = connection;
    if (current != null) {
      current.close();
    }
  }

  private void closeDetour() {
    HttpConnection current = detour;
    if (current != null) {
      current.close();
      detour = null;
    }
  }

  private record Exchange(HttpConnection connection, ResponseHead head) {}
}
