package dev.inferencegateway.epp.datastore.plugins.metricssource;

import static dev.inferencegateway.epp.datastore.plugins.metricssource.RawHttpServer.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.datastore.collector.EndpointPoller;
import dev.inferencegateway.epp.datastore.prometheus.FamilySelection;
import dev.inferencegateway.epp.datastore.prometheus.MetricFamilies;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shared poller behaviour on the event loop ({@code http}; {@code https} stays blocking), and
 * what differs there: where polls run, redirects, host names and responses split into pieces.
 */
class AsyncMetricsPollerTest extends AbstractPollerTest {
  @Override
  EndpointPoller newPoller(String url, boolean insecureSkipVerify) {
    return url.startsWith("https:")
        ? new MetricsPoller(client, insecureSkipVerify, url, "pod-rank-0", FamilySelection.all())
        : new AsyncMetricsPoller(client, url, "pod-rank-0", FamilySelection.all());
  }

  @Test
  void metricsDataSource_pollsPlainHttpOnTheEventLoop_andHttpsOnThreads() {
    EndpointMetadata endpoint = new EndpointMetadata("pod-rank-0", "ns", "pod", "10.0.0.1", 8000, "10.0.0.1:8000", Map.of());
    try (EndpointPoller plain = source("http").newPoller(endpoint, List.of());
        EndpointPoller secure = source("https").newPoller(endpoint, List.of())) {
      assertThat(plain).isInstanceOf(AsyncMetricsPoller.class);
      assertThat(secure).isInstanceOf(MetricsPoller.class);
    }
  }

  @Test
  void pollAsync_runsAndCallsBackOnTheLoopThread() throws Exception {
    RawHttpServer server = server((request, out) -> {
      out.write(fixed(200, TEXT, EXPOSITION));
      return true;
    });
    AsyncMetricsPoller poller = new AsyncMetricsPoller(client, "http://" + server.hostPort() + "/metrics", "pod-rank-0",
        FamilySelection.all());
    closeables.add(poller);
    CompletableFuture<String> thread = new CompletableFuture<>();
    CompletableFuture<Object> data = new CompletableFuture<>();

    poller.loop().execute(() -> poller.pollAsync(TIMEOUT, (result, failure) -> {
      thread.complete(Thread.currentThread().getName());
      data.complete(failure == null ? result : failure);
    }));

    assertThat(thread.get(5, TimeUnit.SECONDS)).startsWith("metrics-scraper-");
    assertExposition((MetricFamilies) data.get(5, TimeUnit.SECONDS));
    CompletableFuture<Exception> blockingOnTheLoop = new CompletableFuture<>();
    poller.loop().execute(() -> {
      try {
        poller.poll(TIMEOUT);
        blockingOnTheLoop.complete(null);
      } catch (Exception e) {
        blockingOnTheLoop.complete(e);
      }
    });
    assertThat(blockingOnTheLoop.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot run on the poll loop thread");
  }

  @Test
  void responseArrivingInSmallPieces_isAssembled() throws Exception {
    byte[] response = fixed(200, TEXT, EXPOSITION);
    RawHttpServer server = server((request, out) -> {
      for (int start = 0; start < response.length; start += 7) {
        out.write(response, start, Math.min(7, response.length - start));
        out.flush();
      }
      return true;
    });

    Poller poller = poller("http://" + server.hostPort() + "/metrics");
    assertExposition(poller.poll(TIMEOUT));
    assertExposition(poller.poll(TIMEOUT));
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void hostName_isPolledOnAThread() throws Exception {
    RawHttpServer server = server((request, out) -> {
      out.write(fixed(200, TEXT, EXPOSITION));
      return true;
    });
    String url = "http://localhost:" + server.hostPort().substring(server.hostPort().indexOf(':') + 1) + "/metrics";

    assertExposition(poller(url).poll(TIMEOUT));
    assertThat(server.requests().get(0).headers()).contains("Host: " + url.substring(7, url.indexOf("/metrics")));
  }

  /** The first request goes out on the event loop; the redirect hands the poll to a blocking poller. */
  @Override
  int requestsBeforeFollowingRedirects() {
    return 1;
  }

  @Test
  void pollers_takeTheClientsEventLoopsInTurn() {
    try (ScrapeHttpClient twoLoops = new ScrapeHttpClient(2)) {
      List<AsyncMetricsPoller> pollers = List.of(1, 2, 3).stream()
          .map(i -> new AsyncMetricsPoller(twoLoops, "http://10.0.0." + i + ":8000/metrics", "pod-" + i, FamilySelection.all()))
          .toList();

      assertThat(pollers.get(0).loop()).isNotSameAs(pollers.get(1).loop()).isSameAs(pollers.get(2).loop());
    }
    assertThatThrownBy(() -> new ScrapeHttpClient(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eventLoopCount must be >= 1, got 0");
  }

  @Test
  void addressLiterals_areRecognised() {
    assertThat(List.of("127.0.0.1", "10.244.1.17", "::1", "fd00::12")).allMatch(AsyncMetricsPoller::isAddressLiteral);
    assertThat(List.of("localhost", "pod.ns.svc", "256.1.1.1", "1.2.3", "1..2.3", "1.2.3.4.5", "1.2.3."))
        .noneMatch(AsyncMetricsPoller::isAddressLiteral);
  }

  private MetricsDataSource source(String scheme) {
    return new MetricsDataSource(TypedName.of(MetricsDataSource.TYPE), new ScrapeSettings(scheme, "/metrics", true), client);
  }
}
