package dev.inferencegateway.epp.datastore.plugins.metricssource;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both connection kinds close once when two threads close them at the same time. */
class ScrapeConnectionCloseTest {
  private static final int ROUNDS = 200;

  private ServerSocket server;
  private Origin origin;

  @BeforeEach
  void listen() throws Exception {
    server = new ServerSocket(0, ROUNDS, InetAddress.getLoopbackAddress());
    origin = new Origin(false, "127.0.0.1", server.getLocalPort());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void blockingConnection_reportsItsCloseOnceUnderConcurrentCloses() throws Exception {
    AtomicInteger closes = new AtomicInteger();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (int round = 0; round < ROUNDS; round++) {
      Consumer<HttpConnection> onClose = c -> closes.incrementAndGet();
      closeTwiceAtOnce(HttpConnection.open(origin, null, false, deadline, onClose));
    }
    assertThat(closes).hasValue(ROUNDS);
  }

  @Test
  void eventLoopConnection_reportsItsCloseOnceUnderConcurrentCloses() throws Exception {
    ScrapeEventLoop loop = new ScrapeEventLoop("close-test-loop", Duration.ofSeconds(2));
    AtomicInteger closes = new AtomicInteger();
    for (int round = 0; round < ROUNDS; round++) {
      CompletableFuture<AsyncConnection> opened = new CompletableFuture<>();
      loop.execute(() -> {
        try {
          opened.complete(AsyncConnection.open(loop, origin, c -> closes.incrementAndGet()));
        } catch (Exception e) {
          opened.completeExceptionally(e);
        }
      });
      closeTwiceAtOnce(opened.get(10, TimeUnit.SECONDS));
    }
    assertThat(closes).hasValue(ROUNDS);
  }

  private static void closeTwiceAtOnce(ScrapeConnection connection) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    Runnable close = () -> {
      try {
        start.await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      connection.close();
    };
    CompletableFuture<Void> other = CompletableFuture.runAsync(close);
    close.run();
    other.get(10, TimeUnit.SECONDS);
    assertThat(connection.isClosed()).isTrue();
  }
}
