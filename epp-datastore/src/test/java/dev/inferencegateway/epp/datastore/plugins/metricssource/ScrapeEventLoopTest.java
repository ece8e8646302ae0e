package dev.inferencegateway.epp.datastore.plugins.metricssource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.epp.datastore.collector.PollLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ScrapeEventLoopTest {
  private final ScrapeEventLoop loop = new ScrapeEventLoop("test-loop", Duration.ofMillis(200));

  @Test
  void timers_runInDeadlineOrder_onTheLoopThread_andCancelledOnesNever() throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    loop.execute(() -> {
      loop.schedule(() -> ran.add("30ms " + loop.inLoop()), TimeUnit.MILLISECONDS.toNanos(30));
      loop.schedule(() -> ran.add("10ms " + Thread.currentThread().getName()), TimeUnit.MILLISECONDS.toNanos(10));
      PollLoop.Scheduled cancelled = loop.schedule(() -> ran.add("cancelled"), TimeUnit.MILLISECONDS.toNanos(20));
      loop.schedule(() -> ran.add("tie 1"), TimeUnit.MILLISECONDS.toNanos(40));
      cancelled.cancel();
      loop.schedule(done::countDown, TimeUnit.MILLISECONDS.toNanos(60));
    });

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(ran).containsExactly("10ms test-loop", "30ms true", "tie 1");
    assertThat(loop.inLoop()).isFalse();
  }

  @Test
  void theThread_endsWhenIdle_andATaskStartsAnother() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    loop.execute(first::countDown);
    assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(loop.running()).isTrue();

    await().atMost(Duration.ofSeconds(5)).until(() -> !loop.running());

    CountDownLatch second = new CountDownLatch(1);
    loop.execute(second::countDown);
    assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aFailingTask_doesNotStopTheLoop() throws Exception {
    CountDownLatch after = new CountDownLatch(1);
    loop.execute(() -> {
      throw new IllegalStateException("boom");
    });
    loop.execute(after::countDown);

    assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
  }
}
