package dev.inferencegateway.epp.datastore.plugins.metricssource;

import dev.inferencegateway.epp.datastore.collector.AsyncEndpointPoller;
import dev.inferencegateway.epp.datastore.collector.PollCallback;
import dev.inferencegateway.epp.datastore.collector.PollLoop;
import dev.inferencegateway.epp.datastore.prometheus.ExpositionFormat;
import dev.inferencegateway.epp.datastore.prometheus.FamilySelection;
import dev.inferencegateway.epp.datastore.prometheus.MetricFamilies;
import dev.inferencegateway.epp.datastore.prometheus.PrometheusParseException;
import dev.inferencegateway.epp.datastore.prometheus.PrometheusTextParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/**
 * Fetches and parses one endpoint's plain-HTTP {@code /metrics} on the client's event loop, over
 * the keep-alive connection it owns: no thread waits for the model server.
 *
 * <p>It answers as {@link MetricsPoller} does, with the same messages: a connection that the
 * server closed while idle is replaced and the request sent again once, and a connection idle for
 * more than ten seconds is replaced. An endpoint that redirects, or whose host is a name rather
 * than an address, is polled by a {@link MetricsPoller} on a virtual thread from then on.
 */
final class AsyncMetricsPoller implements AsyncEndpointPoller, AsyncConnection.Listener {
  private final ScrapeHttpClient client;
  private final String url;
  private final String endpointName;
  private final ScrapeEventLoop loop;
  private final Origin origin;
  private final byte[] request;
  private final String subject;
  private final FamilySelection selection;
  private volatile MetricsPoller threaded;
  private final PrometheusTextParser parser = new PrometheusTextParser();
  private boolean onThreads;
  private AsyncConnection connection;
  private long lastExchangeEnd;
  private PollCallback callback;
  private PollLoop.Scheduled timer;
  private Duration timeout;
  private boolean resent;
  private volatile boolean closed;

  AsyncMetricsPoller(ScrapeHttpClient client, String url, String endpointName, FamilySelection selection) {
    URI uri = URI.create(url);
    this.client = client;
    this.url = url;
    this.endpointName = endpointName;
    this.loop = client.nextEventLoop();
    this.origin = Origin.of(uri);
    if (origin.https()) {
      throw new IllegalArgumentException("asynchronous polling is for plain http, not " + url);
    }
    this.request = MetricsPoller.requestHead(uri, origin);
    this.subject = MetricsPoller.subject(endpointName, url);
    this.selection = selection;
    this.onThreads = !isAddressLiteral(origin.host());
  }

  @Override
  public PollLoop loop() {
    return loop;
  }

  @Override
  public void pollAsync(Duration timeout, PollCallback callback) {
    if (closed) {
      callback.completed(null, new IOException(subject + ": poller closed"));
      return;
    }
    this.callback = callback;
    this.timeout = timeout;
    this.resent = false;
    if (onThreads) {
      pollOnThread();
      return;
    }
    timer = loop.schedule(this::timedOut, timeout.toNanos());
    send();
  }

  @Override
  public void received(AsyncConnection used, ResponseAssembler.Response response) {
    if (used != connection || callback == null) {
      return;
    }
    lastExchangeEnd = System.nanoTime();
    if (!used.reusable()) {
      dropConnection();
    }
    ResponseHead head = response.head();
    if (head.isRedirect()) {
      onThreads = true;
      dropConnection();
      timer.cancel();
      pollOnThread();
      return;
    }
    if (head.status() != 200) {
      finish(null, MetricsPoller.badStatus(subject, head));
      return;
    }
    try {
      finish(parse(head, response), null);
    } catch (PrometheusParseException e) {
      dropConnection();
      finish(null, MetricsPoller.unusable(subject, e));
    } catch (IOException e) {
      dropConnection();
      finish(null, MetricsPoller.failed(subject, e, timeout));
    }
  }

  @Override
  public void failed(AsyncConnection used, IOException failure, boolean nothingReceived) {
    if (used != connection || callback == null) {
      return;
    }
    connection = null;
    if (nothingReceived && used.exchanges() > 0 && !resent && !closed) {
      resent = true;
      send();
      return;
    }
    finish(null, MetricsPoller.failed(subject, failure, timeout));
  }

  @Override
  public void close() {
    closed = true;
    MetricsPoller handedOver = threaded;
    if (handedOver != null) {
      handedOver.close();
    }
    loop.execute(() -> {
      dropConnection();
      if (callback != null) {
        finish(null, new IOException(subject + ": poller closed"));
      }
    });
  }

  private void send() {
    try {
      AsyncConnection used = connection;
      if (used != null && (!used.reusable() || System.nanoTime() - lastExchangeEnd > MetricsPoller.IDLE_REUSE_NANOS)) {
        dropConnection();
        used = null;
      }
      if (used == null) {
        used = client.connectAsync(loop, origin);
        connection = used;
      }
      used.exchange(request, this);
    } catch (IOException | RuntimeException e) {
      dropConnection();
      finish(null, MetricsPoller.failed(subject, e, timeout));
    }
  }

  private MetricFamilies parse(ResponseHead head, ResponseAssembler.Response response)
      throws IOException, PrometheusParseException {
    ExpositionFormat format = ExpositionFormat.fromContentType(head.contentType());
    if (head.gzip() && response.length() > 0) {
      return parser.parse(new GZIPInputStream(new ByteArrayInputStream(response.body(), 0, response.length())),
          selection, format);
    }
    return parser.parse(response.body(), 0, response.length(), selection, format);
  }

  private void pollOnThread() {
    if (threaded == null) {
      threaded = new MetricsPoller(client, true, url, endpointName, selection);
      if (closed) {
        threaded.close();
      }
    }
    MetricsPoller handedOver = threaded;
    Duration bound = timeout;
    Thread.ofVirtual().name("metrics-poll").start(() -> {
      Object data = null;
      Exception failure = null;
      try {
        data = handedOver.poll(bound);
      } catch (Exception e) {
        failure = e;
      }
      Object polled = data;
      Exception failed = failure;
      loop.execute(() -> finish(polled, failed));
    });
  }

  private void timedOut() {
    if (callback == null) {
      return;
    }
    dropConnection();
    finish(null, MetricsPoller.failed(subject, new SocketTimeoutException("timeout"), timeout));
  }

  private void finish(Object data, Exception failure) {
    PollCallback done = callback;
    callback = null;
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    if (done != null) {
      done.completed(data, failure);
    }
  }

  private void dropConnection() {
    AsyncConnection current = connection;
    connection = null;
    if (current != null) {
      current.close();
    }
  }

  /** Returns whether {@code host} is an IPv4 or IPv6 address, which connects without a name lookup. */
  static boolean isAddressLiteral(String host) {
    if (host.indexOf(':') >= 0) {
      return true;
    }
    int parts = 0;
    int digits = 0;
    int value = 0;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '.' && digits > 0) {
        parts++;
        digits = 0;
        value = 0;
      } else if (c >= '0' && c <= '9' && digits < 3 && (value = value * 10 + c - '0') <= 255) {
        digits++;
      } else {
        return false;
      }
    }
    return parts == 3 && digits > 0;
  }
}
