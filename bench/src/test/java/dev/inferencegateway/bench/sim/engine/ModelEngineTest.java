package dev.inferencegateway.bench.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelEngineTest {

  @Test
  void singleRequest_followsTheLatencyModelExactly() throws Exception {
    EngineFixture f = new EngineFixture(4, 1, 256);
    RecordingSink sink = f.submit(null, EngineFixture.prompt("a", 100), 5);

    f.time.runUntilIdle();

    assertThat(sink.tokens).containsExactly(0, 1, 2, 3, 4);
    assertThat(sink.completion.promptTokens()).isEqualTo(100);
    assertThat(sink.completion.completionTokens()).isEqualTo(5);
    assertThat(sink.completion.cachedTokens()).isZero();
    assertThat(sink.completion.finishReason()).isEqualTo("length");
    assertThat(sink.completion.queueTime()).isZero();
    assertThat(sink.completion.timeToFirstToken()).isEqualTo(Duration.ofMillis(30 + 100));
    assertThat(sink.completion.endToEnd()).isEqualTo(Duration.ofMillis(130 + 4 * 10));
  }

  @Test
  void tokensArriveOneInterTokenLatencyApart() throws Exception {
    EngineFixture f = new EngineFixture(4, 1, 256);
    RecordingSink sink = f.submit(null, EngineFixture.prompt("a", 20), 3);

    f.time.advance(Duration.ofMillis(49));
    assertThat(sink.tokens).isEmpty();
    f.time.advance(Duration.ofMillis(1));
    assertThat(sink.tokens).containsExactly(0);
    f.time.advance(Duration.ofMillis(10));
    assertThat(sink.tokens).containsExactly(0, 1);
    f.time.advance(Duration.ofMillis(10));
    assertThat(sink.done()).isTrue();
  }

  @Test
  void moreRequestsThanMaxNumSeqs_waitInArrivalOrder() throws Exception {
    EngineFixture f = new EngineFixture(2, 1, 256);
    List<RecordingSink> sinks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sinks.add(f.submit(null, EngineFixture.prompt("p" + i, 10), 2));
    }

    assertThat(f.engine.snapshot().running()).isEqualTo(2);
    assertThat(f.engine.snapshot().waiting()).isEqualTo(3);

    f.time.runUntilIdle();

    assertThat(sinks).allSatisfy(s -> assertThat(s.completion).isNotNull());
    assertThat(sinks.get(2).completion.queueTime()).isPositive();
    assertThat(sinks.get(4).completion.queueTime()).isGreaterThan(sinks.get(2).completion.queueTime());
    assertThat(f.engine.snapshot().running()).isZero();
    assertThat(f.engine.snapshot().waiting()).isZero();
  }

  @Test
  void fullBatch_slowsEveryStepByTheTimeFactor() throws Exception {
    EngineFixture f = new EngineFixture(2, 1, 256);
    RecordingSink first = f.submit(null, EngineFixture.prompt("a", 10), 2);
    RecordingSink second = f.submit(null, EngineFixture.prompt("b", 10), 2);

    f.time.runUntilIdle();

    assertThat(first.completion.timeToFirstToken()).isEqualTo(Duration.ofMillis(30 + 10));
    assertThat(second.completion.timeToFirstToken()).isEqualTo(Duration.ofMillis(2 * (30 + 10)));
    assertThat(first.completion.endToEnd().minus(first.completion.timeToFirstToken()))
        .isEqualTo(Duration.ofMillis(2 * 10));
  }

  @Test
  void identicalPrompt_reusesCachedBlocksAndPrefillsFaster() throws Exception {
    EngineFixture f = new EngineFixture(4, 1, 256);
    String prompt = EngineFixture.prompt("shared", 100);
    RecordingSink cold = f.complete(null, prompt, 2);
    RecordingSink warm = f.submit(null, prompt, 2);
    f.time.runUntilIdle();

    assertThat(cold.completion.cachedTokens()).isZero();
    assertThat(warm.completion.cachedTokens()).isEqualTo(96);
    assertThat(warm.completion.timeToFirstToken()).isEqualTo(Duration.ofMillis(30 + 4));
    EngineSnapshot.Counters counters = f.engine.snapshot().counters();
    assertThat(counters.prefixCacheQueries()).isEqualTo(200);
    assertThat(counters.prefixCacheHits()).isEqualTo(96);
  }

  @Test
  void promptOfWholeBlocks_stillComputesItsLastBlock() throws Exception {
    EngineFixture f = new EngineFixture(4, 1, 256);
    String prompt = EngineFixture.prompt("exact", 64);
    f.complete(null, prompt, 1);
    RecordingSink warm = f.submit(null, prompt, 1);
    f.time.runUntilIdle();

    assertThat(warm.completion.cachedTokens()).isEqualTo(48);
  }

  @Test
  void sharedPrefix_hitsOnlyTheCommonLeadingBlocks() throws Exception {
    EngineFixture f = new EngineFixture(4, 1, 256);
    String prefix = EngineFixture.prompt("system", 40);
    f.complete(null, prefix + EngineFixture.prompt("question one", 30), 1);
    RecordingSink other = f.submit(null, prefix + EngineFixture.prompt("question two", 30), 1);
    f.time.runUntilIdle();

    assertThat(other.completion.cachedTokens()).isEqualTo(32);
  }

  @Test
  void adaptersAndSalts_doNotShareCacheEntries() throws Exception {
    EngineFixture f = new EngineFixture(4, 2, 256);
    String prompt = EngineFixture.prompt("same", 64);
    f.complete(null, prompt, 1);
    RecordingSink adapter = f.submit("food-review-1", prompt, 1);
    RecordingSink salted = new RecordingSink();
    f.engine.submit(new GenerationRequest(null, prompt, "tenant-b", 1, 1), salted);
    f.time.runUntilIdle();

    assertThat(adapter.completion.cachedTokens()).isZero();
    assertThat(salted.completion.cachedTokens()).isZero();
  }

  @Test
  void queueFull_andOversizedRequests_areRejected() throws Exception {
    EngineFixture f = new EngineFixture(new EngineConfig(1, 1, 1, 16, 8, EngineFixture.ROUND));
    f.submit(null, EngineFixture.prompt("a", 10), 1);
    f.submit(null, EngineFixture.prompt("b", 10), 1);

    assertThatThrownBy(() -> f.submit(null, EngineFixture.prompt("c", 10), 1))
        .isInstanceOfSatisfying(EngineRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(EngineRejectedException.Reason.QUEUE_FULL));
    assertThatThrownBy(() -> f.submit(null, EngineFixture.prompt("d", 120), 20))
        .isInstanceOfSatisfying(EngineRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(EngineRejectedException.Reason.EXCEEDS_KV_CAPACITY))
        .hasMessageContaining("need 9 KV-cache blocks but the engine has 8");
  }

  @Test
  void kvCacheFull_keepsRequestsWaitingUntilBlocksFree() throws Exception {
    EngineFixture f = new EngineFixture(8, 1, 10);
    RecordingSink big = f.submit(null, EngineFixture.prompt("big", 100), 28);
    RecordingSink next = f.submit(null, EngineFixture.prompt("next", 30), 10);

    EngineSnapshot busy = f.engine.snapshot();
    assertThat(busy.running()).isEqualTo(1);
    assertThat(busy.waiting()).isEqualTo(1);
    assertThat(busy.kvCacheUsage()).isEqualTo(0.8);

    f.time.runUntilIdle();

    assertThat(big.completion).isNotNull();
    assertThat(next.completion.queueTime()).isEqualTo(big.completion.endToEnd());
    assertThat(f.engine.snapshot().kvCacheUsage()).isZero();
  }

  @Test
  void abort_releasesTheSlotAndNotifiesTheSink() throws Exception {
    EngineFixture f = new EngineFixture(1, 1, 256);
    RecordingSink running = new RecordingSink();
    long id = f.engine.submit(new GenerationRequest(null, EngineFixture.prompt("a", 10), null, 9, 9), running);
    RecordingSink queued = f.submit(null, EngineFixture.prompt("b", 10), 1);

    f.engine.abort(id, "client disconnected");

    assertThat(running.abortReason).isEqualTo("client disconnected");
    assertThat(f.engine.snapshot().running()).isEqualTo(1);
    f.time.runUntilIdle();
    assertThat(running.tokens).isEmpty();
    assertThat(queued.completion).isNotNull();
    assertThat(f.engine.snapshot().counters().successByFinishReason()).containsEntry("abort", 1L);
  }

  @Test
  void reset_abortsEverythingAndForgetsTheCache() throws Exception {
    EngineFixture f = new EngineFixture(1, 1, 256);
    String prompt = EngineFixture.prompt("cached", 64);
    f.complete(null, prompt, 1);
    RecordingSink a = f.submit("x", prompt, 3);
    RecordingSink b = f.submit(null, prompt, 3);

    f.engine.reset("pod restarted");
    f.time.runUntilIdle();

    assertThat(a.abortReason).isEqualTo("pod restarted");
    assertThat(b.abortReason).isEqualTo("pod restarted");
    EngineSnapshot s = f.engine.snapshot();
    assertThat(s.cachedBlocks()).isZero();
    assertThat(s.loadedAdapters()).isEmpty();
    assertThat(s.running() + s.waiting()).isZero();
  }

  @Test
  void sameSeed_givesTheSameJitteredLatencies() throws Exception {
    LatencyProfile jittery = new LatencyProfile(Duration.ofMillis(30), Duration.ofMillis(5), Duration.ofMillis(1),
        Duration.ofMillis(10), Duration.ofMillis(3), 1.0, Duration.ZERO);
    List<Duration> first = endToEndLatencies(jittery);
    List<Duration> second = endToEndLatencies(jittery);

    assertThat(first).isEqualTo(second);
    assertThat(first).doesNotHaveDuplicates();
    assertThat(first).allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(9 + 10 + 7 * 3),
        Duration.ofMillis(51 + 10 + 7 * 17)));
  }

  private static List<Duration> endToEndLatencies(LatencyProfile profile) throws Exception {
    EngineFixture f = new EngineFixture(new EngineConfig(1, 100, 1, 16, 256, profile));
    List<RecordingSink> sinks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sinks.add(f.submit(null, EngineFixture.prompt("q" + i, 10), 8));
    }
    f.time.runUntilIdle();
    return sinks.stream().map(s -> s.completion.endToEnd().minus(s.completion.queueTime())).toList();
  }
}
