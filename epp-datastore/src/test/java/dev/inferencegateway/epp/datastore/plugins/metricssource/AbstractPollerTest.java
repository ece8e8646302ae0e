package dev.inferencegateway.epp.datastore.plugins.metricssource;

import static dev.inferencegateway.epp.datastore.plugins.metricssource.RawHttpServer.concat;
import static dev.inferencegateway.epp.datastore.plugins.metricssource.RawHttpServer.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.epp.datastore.collector.EndpointPoller;
import dev.inferencegateway.epp.datastore.prometheus.MetricFamilies;
import dev.inferencegateway.extproc.tls.CertifiedKey;
import dev.inferencegateway.extproc.tls.SelfSignedCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The behaviour every {@code metrics-data-source} poller shares, run against each kind of poller. */
@Timeout(30)
abstract class AbstractPollerTest {
  static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
  static final byte[] EXPOSITION = """
      # HELP vllm:num_requests_waiting Requests waiting.
      # TYPE vllm:num_requests_waiting gauge
      vllm:num_requests_waiting{model_name="m"} 3.0
      # TYPE vllm:num_requests_running gauge
      vllm:num_requests_running{model_name="m"} 7.0
      """.getBytes(StandardCharsets.UTF_8);
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  final ScrapeHttpClient client = new ScrapeHttpClient();
  final List<AutoCloseable> closeables = new ArrayList<>();
  final CountDownLatch released = new CountDownLatch(1);

  /** Creates the poller under test for {@code url}. */
  abstract EndpointPoller newPoller(String url, boolean insecureSkipVerify);

  /** A poller under test whose polls return metric families. */
  record Poller(EndpointPoller delegate) implements AutoCloseable {
    MetricFamilies poll(Duration timeout) throws Exception {
      return (MetricFamilies) delegate.poll(timeout);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  @AfterEach
  void closeAll() throws Exception {
    released.countDown();
    for (AutoCloseable c : closeables.reversed()) {
      c.close();
    }
    client.close();
  }

  RawHttpServer server(RawHttpServer.Responder responder) throws IOException {
    RawHttpServer server = RawHttpServer.start(responder);
    closeables.add(server);
    return server;
  }

  Poller poller(String url) {
    return poller(url, true);
  }

  Poller poller(String url, boolean insecureSkipVerify) {
    Poller poller = new Poller(newPoller(url, insecureSkipVerify));
    closeables.add(poller);
    return poller;
  }

  private void assertTwoPollsOver(RawHttpServer server, int connections) throws Exception {
    Poller poller = poller("http://" + server.hostPort() + "/metrics");
    assertExposition(poller.poll(TIMEOUT));
    assertExposition(poller.poll(TIMEOUT));
    assertThat(server.connections()).isEqualTo(connections);
  }

  static void assertExposition(MetricFamilies families) {
    assertThat(families.get("vllm:num_requests_waiting").orElseThrow().samples().get(0).value()).isEqualTo(3.0);
    assertThat(families.get("vllm:num_requests_running").orElseThrow().samples().get(0).value()).isEqualTo(7.0);
  }

  @Test
  void fixedLengthResponses_reuseOneConnection_andSendTheScrapeHeaders() throws Exception {
    RawHttpServer server = server((request, out) -> {
      out.write(fixed(200, TEXT, EXPOSITION));
      return true;
    });
    Poller poller = poller("http://" + server.hostPort() + "/metrics?x=1");

    for (int i = 0; i < 3; i++) {
      assertExposition(poller.poll(TIMEOUT));
    }

    assertThat(server.connections()).isEqualTo(1);
    assertThat(server.requests()).extracting(RawHttpServer.Request::indexOnConnection).containsExactly(0, 1, 2);
    RawHttpServer.Request first = server.requests().get(0);
    assertThat(first.requestLine()).isEqualTo("GET /metrics?x=1 HTTP/1.1");
    assertThat(first.headers()).contains("Host: " + server.hostPort(), "Accept-Encoding: identity",
        "Accept: text/plain;version=0.0.4;q=1.0,*/*;q=0.1");
    assertThat(client.connectionCount()).isEqualTo(1);
  }

  @Test
  void chunkedBody_withExtensionsAndTrailers_isReassembled() throws Exception {
    RawHttpServer server = server((request, out) -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + TEXT + "\r\nTransfer-Encoding: chunked\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      for (int start = 0; start < EXPOSITION.length; start += 17) {
        int size = Math.min(17, EXPOSITION.length - start);
        out.write((Integer.toHexString(size) + (start == 0 ? ";ext=1" : "") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(EXPOSITION, start, size);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
      out.write("0\r\nX-Trailer: t\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      return true;
    });

    assertTwoPollsOver(server, 1);
  }

  @Test
  void closeDelimitedBody_isReadToTheEnd_andTheNextPollReconnects() throws Exception {
    RawHttpServer server = server((request, out) -> {
      out.write(concat(("HTTP/1.0 200 OK\r\nContent-Type: " + TEXT + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
          EXPOSITION));
      return false;
    });

    assertTwoPollsOver(server, 2);
    await().atMost(TIMEOUT).until(() -> client.connectionCount() == 0);
  }

  @Test
  void gzipBody_isDecompressed_andTheConnectionKept() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(EXPOSITION);
    }
    RawHttpServer server = server((request, out) -> {
      out.write(fixed(200, TEXT, zipped.toByteArray(), "Content-Encoding: gzip"));
      return true;
    });

    assertTwoPollsOver(server, 1);
  }

  @Test
  void informationalResponse_isSkipped() throws Exception {
    RawHttpServer server = server((request, out) -> {
      out.write(concat("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), fixed(200, TEXT, EXPOSITION)));
      return true;
    });

    assertExposition(poller("http://" + server.hostPort() + "/metrics").poll(TIMEOUT));
  }

  @Test
  void connectionClosedByTheServerWhileIdle_isReplacedAndTheRequestSentAgain() throws Exception {
    RawHttpServer server = server((request, out) -> {
      out.write(fixed(200, TEXT, EXPOSITION));
      return false;
    });
    Poller poller = poller("http://" + server.hostPort() + "/metrics");

    assertExposition(poller.poll(TIMEOUT));
    await().atMost(TIMEOUT).until(() -> server.requests().size() == 1);
    assertExposition(poller.poll(TIMEOUT));

    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void connectionClosedByTheServerOnTheNextRequest_isReplacedAndTheRequestSentAgain() throws Exception {
    RawHttpServer server = server((request, out) -> {
      if (request.indexOnConnection() == 1) {
        return false;
      }
      out.write(fixed(200, TEXT, EXPOSITION));
      return true;
    });
    Poller poller = poller("http://" + server.hostPort() + "/metrics");

    assertExposition(poller.poll(TIMEOUT));
    assertExposition(poller.poll(TIMEOUT));

    assertThat(server.connections()).isEqualTo(2);
    assertThat(server.requests()).extracting(RawHttpServer.Request::indexOnConnection).containsExactly(0, 1, 0);
  }

  /**
   * Returns how many requests for {@code /metrics} the poller sends, on a connection of its own,
   * before it follows a first redirect (a poller that hands redirects over to another sends one).
   */
  int requestsBeforeFollowingRedirects() {
    return 0;
  }

  @Test
  void redirects_onTheSameAndToAnotherOrigin_areFollowed() throws Exception {
    RawHttpServer other = server((request, out) -> {
      out.write(fixed(200, TEXT, EXPOSITION));
      return true;
    });
    RawHttpServer server = server((request, out) -> {
      if (request.path().equals("/metrics")) {
        out.write(fixed(307, "text/plain", "moved".getBytes(StandardCharsets.UTF_8), "Location: /metrics/"));
      } else {
        out.write(fixed(302, "text/plain", new byte[0], "Location: http://" + other.hostPort() + "/elsewhere"));
      }
      return true;
    });
    Poller poller = poller("http://" + server.hostPort() + "/metrics");

    assertExposition(poller.poll(TIMEOUT));
    assertExposition(poller.poll(TIMEOUT));

    int handedOver = requestsBeforeFollowingRedirects();
    assertThat(server.connections()).isEqualTo(1 + handedOver);
    List<String> expected = new ArrayList<>(Collections.nCopies(handedOver, "/metrics"));
    expected.addAll(List.of("/metrics", "/metrics/", "/metrics", "/metrics/"));
    assertThat(server.requests()).extracting(RawHttpServer.Request::path).containsExactlyElementsOf(expected);
    assertThat(other.requests()).extracting(RawHttpServer.Request::path).containsExactly("/elsewhere", "/elsewhere");
    assertThat(other.requests().get(0).headers()).contains("Host: " + other.hostPort());
    assertThat(client.connectionCount()).isEqualTo(1);
  }

  @Test
  void redirectLoop_stopsAfterTenRedirects() throws Exception {
    RawHttpServer server = server((request, out) -> {
      out.write(fixed(302, "text/plain", new byte[0], "Location: /again"));
      return true;
    });
    Poller poller = poller("http://" + server.hostPort() + "/metrics");

    assertThatThrownBy(() -> poller.poll(TIMEOUT)).isInstanceOf(MetricsScrapeException.class)
        .hasMessageContaining("endpoint pod-rank-0").hasMessageContaining("HTTP status 302")
        .hasMessageContaining("stopped after 10 redirects");
    assertThat(server.requests()).hasSize(11 + requestsBeforeFollowingRedirects());
  }

  @Test
  void errorStatus_failsThePoll_andKeepsTheConnection() throws Exception {
    RawHttpServer server = server((request, out) -> {
      out.write(request.indexOnConnection() == 0
          ? fixed(503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8))
          : fixed(200, TEXT, EXPOSITION));
      return true;
    });
    Poller poller = poller("http://" + server.hostPort() + "/metrics");

    assertThatThrownBy(() -> poller.poll(TIMEOUT)).isInstanceOf(MetricsScrapeException.class)
        .hasMessage("endpoint pod-rank-0 (http://" + server.hostPort() + "/metrics): HTTP status 503");
    assertExposition(poller.poll(TIMEOUT));
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void stalledBody_timesOut_andTheNextPollUsesAFreshConnection() throws Exception {
    RawHttpServer server = server((request, out) -> {
      if (request.connection() == 1) {
        out.write(fixed(200, TEXT, EXPOSITION), 0, 100);
        out.flush();
        released.await(20, TimeUnit.SECONDS);
        return false;
      }
      out.write(fixed(200, TEXT, EXPOSITION));
      return true;
    });
    Poller poller = poller("http://" + server.hostPort() + "/metrics");

    long start = System.nanoTime();
    assertThatThrownBy(() -> poller.poll(Duration.ofMillis(300))).isInstanceOf(IOException.class)
        .hasMessageContaining("endpoint pod-rank-0").hasMessageContaining("timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertExposition(poller.poll(TIMEOUT));
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void malformedResponses_failWithTheReason() throws Exception {
    RawHttpServer server = server((request, out) -> {
      switch (request.connection()) {
        case 1 -> out.write("SSH-2.0-OpenSSH_9.6\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        case 2 -> out.write(("HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        case 3 -> out.write(("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n" + "x".repeat(20)).getBytes(StandardCharsets.ISO_8859_1));
        case 4 -> out.write(("HTTP/1.1 200 OK\r\nX-Long: " + "y".repeat(HttpConnection.MAX_LINE + 10) + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        default -> out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
      return false;
    });
    Poller poller = poller("http://" + server.hostPort() + "/metrics");

    assertThatThrownBy(() -> poller.poll(TIMEOUT)).hasMessageContaining("not an HTTP/1.x response: \"SSH-2.0");
    assertThatThrownBy(() -> poller.poll(TIMEOUT)).hasMessageContaining("malformed Content-Length: \"12x\"");
    assertThatThrownBy(() -> poller.poll(TIMEOUT)).hasMessageContaining("body bytes missing");
    assertThatThrownBy(() -> poller.poll(TIMEOUT)).hasMessageContaining("response line longer than");
    assertThatThrownBy(() -> poller.poll(TIMEOUT)).hasMessageContaining("malformed chunk size: \"zz\"");
    assertThat(client.connectionCount()).isZero();
  }

  @Test
  void closingThePoller_abortsABlockedPoll() throws Exception {
    CountDownLatch answered = new CountDownLatch(1);
    RawHttpServer server = server((request, out) -> {
      answered.countDown();
      released.await(20, TimeUnit.SECONDS);
      return false;
    });
    Poller poller = poller("http://" + server.hostPort() + "/metrics");
    CompletableFuture<MetricFamilies> poll = CompletableFuture.supplyAsync(() -> {
      try {
        return poller.poll(Duration.ofSeconds(20));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(answered.await(5, TimeUnit.SECONDS)).isTrue();

    poller.close();

    await().atMost(TIMEOUT).until(poll::isDone);
    assertThat(poll).isCompletedExceptionally();
    assertThat(client.connectionCount()).isZero();
  }

  @Test
  void refusedConnection_namesTheEndpoint() throws Exception {
    int port;
    try (ServerSocket unused = new ServerSocket(0)) {
      port = unused.getLocalPort();
    }
    Poller poller = poller("http://127.0.0.1:" + port + "/metrics");

    assertThatThrownBy(() -> poller.poll(TIMEOUT)).isInstanceOf(IOException.class)
        .hasMessageStartingWith("endpoint pod-rank-0 (http://127.0.0.1:" + port + "/metrics): ")
        .hasMessageContaining("refused");
  }

  @Test
  void closingTheClient_closesEveryConnection_andPollsConnectAgain() throws Exception {
    RawHttpServer server = server((request, out) -> {
      out.write(fixed(200, TEXT, EXPOSITION));
      return true;
    });
    Poller a = poller("http://" + server.hostPort() + "/a");
    Poller b = poller("http://" + server.hostPort() + "/b");
    a.poll(TIMEOUT);
    b.poll(TIMEOUT);
    assertThat(client.connectionCount()).isEqualTo(2);

    client.close();

    assertThat(client.connectionCount()).isZero();
    assertExposition(a.poll(TIMEOUT));
    assertThat(server.connections()).isEqualTo(3);
  }

  @Test
  void https_withASelfSignedCertificate_isAcceptedOnlyWhenVerificationIsSkipped() throws Exception {
    RawHttpServer server = RawHttpServer.startTls(selfSignedContext(), (request, out) -> {
      out.write(fixed(200, TEXT, EXPOSITION));
      return true;
    });
    closeables.add(server);
    String url = "https://" + server.hostPort() + "/metrics";

    assertExposition(poller(url, true).poll(TIMEOUT));
    assertExposition(poller(url, true).poll(TIMEOUT));
    assertThatThrownBy(() -> poller(url, false).poll(TIMEOUT)).isInstanceOf(IOException.class)
        .hasMessageStartingWith("endpoint pod-rank-0 (" + url + "): ");
  }

  private static SSLContext selfSignedContext() throws Exception {
    CertifiedKey key = SelfSignedCertificates.generate("localhost", List.of("localhost", "127.0.0.1"),
        Duration.ofDays(1), Clock.systemUTC(), new SecureRandom());
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = "test".toCharArray();
    store.setKeyEntry("server", key.privateKey(), password, key.chain().toArray(new Certificate[0]));
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }
}
