package dev.inferencegateway.bench.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoraSchedulingTest {

  @Test
  void firstRequestOfAnAdapter_waitsForItToLoad() throws Exception {
    EngineFixture f = new EngineFixture(4, 2, 256);
    RecordingSink sink = f.submit("food-review-1", EngineFixture.prompt("a", 10), 1);

    EngineSnapshot loading = f.engine.snapshot();
    assertThat(loading.waiting()).isEqualTo(1);
    assertThat(loading.waitingAdapters()).containsExactly("food-review-1");
    assertThat(loading.loadedAdapters()).isEmpty();

    f.time.runUntilIdle();

    assertThat(sink.completion.queueTime()).isEqualTo(Duration.ofMillis(200));
    assertThat(sink.completion.timeToFirstToken()).isEqualTo(Duration.ofMillis(200 + 30 + 10));
    EngineSnapshot after = f.engine.snapshot();
    assertThat(after.loadedAdapters()).containsExactly("food-review-1");
    assertThat(after.waitingAdapters()).isEmpty();
  }

  @Test
  void thirdAdapter_waitsForASlotWhileTwoAdaptersRun() throws Exception {
    EngineFixture f = new EngineFixture(8, 2, 256);
    RecordingSink a = f.submit("a", EngineFixture.prompt("a", 10), 30);
    RecordingSink b = f.submit("b", EngineFixture.prompt("b", 10), 10);
    f.time.advance(Duration.ofMillis(200));
    RecordingSink c = f.submit("c", EngineFixture.prompt("c", 10), 1);

    EngineSnapshot busy = f.engine.snapshot();
    assertThat(busy.running()).isEqualTo(2);
    assertThat(busy.waiting()).isEqualTo(1);
    assertThat(busy.loadedAdapters()).containsExactly("a", "b");
    assertThat(busy.waitingAdapters()).containsExactly("c");

    f.time.runUntilIdle();

    assertThat(b.completion.endToEnd()).isLessThan(a.completion.endToEnd());
    assertThat(c.completion.queueTime()).isEqualTo(b.completion.endToEnd());
    assertThat(f.engine.snapshot().loadedAdapters()).containsExactly("a", "c");
  }

  @Test
  void waitingRequestsOfLoadedAdapters_goBeforeRequestsThatNeedALoad() throws Exception {
    EngineFixture f = new EngineFixture(1, 2, 256);
    f.complete("a", EngineFixture.prompt("warm", 10), 1);
    RecordingSink blocker = f.submit(null, EngineFixture.prompt("blocker", 10), 5);
    RecordingSink needsLoad = f.submit("b", EngineFixture.prompt("b", 10), 1);
    RecordingSink loaded = f.submit("a", EngineFixture.prompt("a", 10), 1);

    f.time.runUntilIdle();

    assertThat(loaded.completion.queueTime()).isEqualTo(blocker.completion.endToEnd());
    assertThat(needsLoad.completion.queueTime()).isGreaterThan(loaded.completion.queueTime());
  }

  @Test
  void idleAdapters_areEvictedLeastRecentlyUsedFirst() throws Exception {
    EngineFixture f = new EngineFixture(4, 2, 256);
    f.complete("a", EngineFixture.prompt("a", 10), 1);
    f.submit("b", EngineFixture.prompt("b", 10), 1);
    f.time.runUntilIdle();
    f.complete("a", EngineFixture.prompt("a again", 10), 1);

    f.complete("c", EngineFixture.prompt("c", 10), 1);

    assertThat(f.engine.snapshot().loadedAdapters()).containsExactly("a", "c");
  }

  @Test
  void loraRequestsInfo_currentLabelSetHasTheLargestTimestamp() throws Exception {
    EngineFixture f = new EngineFixture(4, 2, 256);
    f.submit("a", EngineFixture.prompt("a", 10), 1);
    f.time.advance(Duration.ofSeconds(1));
    f.submit("b", EngineFixture.prompt("b", 10), 50);
    f.time.advance(Duration.ofMillis(100));

    List<EngineSnapshot.LoraSeries> series = f.engine.snapshot().loraSeries();

    EngineSnapshot.LoraSeries current = series.stream()
        .max((x, y) -> Double.compare(x.updatedEpochSeconds(), y.updatedEpochSeconds())).orElseThrow();
    assertThat(current.runningAdapters()).isEqualTo("a");
    assertThat(current.waitingAdapters()).isEqualTo("b");
    assertThat(current.updatedEpochSeconds())
        .isEqualTo(EngineFixture.START.getEpochSecond() + 1.0, offset(1e-3));
    assertThat(series).extracting(EngineSnapshot.LoraSeries::runningAdapters, EngineSnapshot.LoraSeries::waitingAdapters)
        .contains(tuple("", ""), tuple("", "a"));
    assertThat(series).extracting(EngineSnapshot.LoraSeries::updatedEpochSeconds).doesNotHaveDuplicates();
  }

  @Test
  void loraRequestsInfo_keepsABoundedHistory() throws Exception {
    EngineFixture f = new EngineFixture(1, 1, 256);
    for (int i = 0; i < 40; i++) {
      f.submit("adapter-" + i, EngineFixture.prompt("p" + i, 10), 1);
      f.time.runUntilIdle();
    }

    List<EngineSnapshot.LoraSeries> series = f.engine.snapshot().loraSeries();

    assertThat(series).hasSize(16);
    assertThat(series.getLast().runningAdapters()).isEqualTo("adapter-39");
    assertThat(series.getLast().waitingAdapters()).isEmpty();
  }
}
