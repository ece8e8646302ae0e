package dev.inferencegateway.epp.plugins.producer.prefix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.plugin.PluginEnvironment;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.scheduling.ProfileRunResult;
import dev.inferencegateway.epp.core.scheduling.SchedulingResult;
import dev.inferencegateway.epp.core.testing.FakeDatastore;
import dev.inferencegateway.epp.core.testing.TestEndpoints;
import dev.inferencegateway.epp.core.testing.TestHandles;
import dev.inferencegateway.epp.plugins.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The approximate prefix index: learning, matching, eviction, purge, isolation and metrics. */
class ApproxPrefixCacheProducerTest {
  private static final String SYSTEM = "You are a helpful assistant that answers questions about the fleet. ";

  private final FakeDatastore datastore = new FakeDatastore();
  private final RecordingMetrics metrics = new RecordingMetrics();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<Endpoint> pods = List.of(pod(0, 0, 0), pod(1, 0, 0), pod(2, 0, 0));
  private ApproxPrefixCacheProducer producer = producer(null);

  @AfterEach
  void stop() {
    producer.close();
    scheduler.shutdownNow();
  }

  @Test
  void hitsGrowWithSharedPrefix() {
    learn(chat(SYSTEM.repeat(4) + "first question"), pods.get(0));

    int[] partial = matches(chat(SYSTEM.repeat(2) + "unrelated"));
    int[] full = matches(chat(SYSTEM.repeat(4) + "first question"));
    PrefixCacheMatchInfo fullInfo = info(chat(SYSTEM.repeat(4) + "first question")).get(0);

    assertThat(partial[0]).isPositive();
    assertThat(full[0]).isGreaterThan(partial[0]);
    assertThat(fullInfo.matchBlocks()).isEqualTo(fullInfo.totalBlocks());
    assertThat(partial[1]).isZero();
    assertThat(full[2]).isZero();
  }

  @Test
  void everyEndpointThatLearnedAPrefixMatchesIt() {
    InferenceRequest request = chat(SYSTEM.repeat(3));
    learn(request, pods.get(0));
    learn(chat(SYSTEM.repeat(3)), pods.get(2));

    assertThat(matches(chat(SYSTEM.repeat(3)))).containsExactly(full(request), 0, full(request));
  }

  @Test
  void longPromptsAreLearnedOffTheRequestPath_andTheNextMatchSeesThem() {
    InferenceRequest longPrompt = chat(SYSTEM.repeat(150));
    assertThat(full(longPrompt)).isGreaterThanOrEqualTo(ApproxPrefixCacheProducer.BACKGROUND_LEARNING_BLOCKS);
    learn(longPrompt, pods.get(1));

    int[] matched = matches(chat(SYSTEM.repeat(150)));

    assertThat(matched[1]).isEqualTo(full(longPrompt)).isPositive();
    assertThat(matched[0]).isZero();
  }

  @Test
  void lruEvictsAtCapacityAndKeepsIndexConsistent() {
    producer.close();
    producer = producer("{\"lruCapacityPerServer\": 4, \"autoTune\": false}");
    String first = "a".repeat(64 * 3);
    String second = "b".repeat(64 * 3);
    learn(completion(first), pods.get(0));
    learn(completion(second), pods.get(0));

    assertThat(producer.index().entriesOf(pods.get(0).metadata())).isEqualTo(4);
    assertThat(producer.index().entries()).isEqualTo(4);
    assertThat(producer.index().distinctHashes()).isEqualTo(4);
    assertThat(matches(completion(first))[0]).isZero();
    assertThat(matches(completion(second))[0]).isEqualTo(3);
  }

  @Test
  void capacityFollowsReportedGpuBlocksWhenAutoTuned() {
    Endpoint small = Fixtures.endpoint(0, TestEndpoints.metrics(0, 0).toBuilder().cacheNumBlocks(2).build());
    learn(completion("c".repeat(64 * 5)), small);

    assertThat(producer.index().entriesOf(small.metadata())).isEqualTo(2);
  }

  @Test
  void departedEndpointIsPurged() {
    InferenceRequest request = chat(SYSTEM.repeat(3));
    learn(request, pods.get(0));
    learn(chat(SYSTEM.repeat(3)), pods.get(1));
    datastore.endpoints(List.of(new EndpointSnapshot(pods.get(1).metadata(), pods.get(1).metrics())));

    producer.purgeDepartedEndpoints();

    assertThat(producer.index().endpoints()).isEqualTo(1);
    assertThat(producer.index().entriesOf(pods.get(0).metadata())).isZero();
    assertThat(matches(chat(SYSTEM.repeat(3)))).containsExactly(0, full(request), 0);
  }

  @Test
  void twoModelsWithTheSamePromptDoNotShare() {
    learn(chat("model-a", SYSTEM.repeat(3), null), pods.get(0));

    assertThat(matches(chat("model-b", SYSTEM.repeat(3), null))).containsOnly(0);
    assertThat(matches(chat("model-a", SYSTEM.repeat(3), null))[0]).isPositive();
  }

  @Test
  void cacheSaltSeparatesTenants() {
    learn(chat("m", SYSTEM.repeat(3), "tenant-1"), pods.get(0));

    assertThat(matches(chat("m", SYSTEM.repeat(3), "tenant-2"))).containsOnly(0);
    assertThat(matches(chat("m", SYSTEM.repeat(3), null))).containsOnly(0);
    assertThat(matches(chat("m", SYSTEM.repeat(3), "tenant-1"))[0]).isPositive();
  }

  @Test
  void blockSizeFollowsCacheConfigInfoOfFirstCandidate() {
    String prompt = "d".repeat(1280);
    List<Endpoint> tuned = List.of(
        Fixtures.endpoint(0, TestEndpoints.metrics(0, 0).toBuilder().cacheBlockSize(32).build()), pods.get(1));

    PrefixCacheMatchInfo autoTuned = info(completion(prompt), tuned).get(1);
    producer.close();
    producer = producer("{\"autoTune\": false}");
    PrefixCacheMatchInfo fixed = info(completion(prompt), tuned).get(1);

    assertThat(autoTuned.blockSizeTokens()).isEqualTo(32);
    assertThat(autoTuned.totalBlocks()).isEqualTo(10);
    assertThat(fixed.blockSizeTokens()).isEqualTo(16);
    assertThat(fixed.totalBlocks()).isEqualTo(20);
  }

  @Test
  void prefillProfileEndpointAlsoLearns() {
    InferenceRequest request = chat(SYSTEM.repeat(3));
    producer.prepareRequestData(request, pods);
    producer.preRequest(request, new SchedulingResult(Map.of(
        "decode", ProfileRunResult.of(List.of(pods.get(0))),
        "prefill", ProfileRunResult.of(List.of(pods.get(2)))), "decode"));

    assertThat(matches(chat(SYSTEM.repeat(3)))).containsExactly(full(request), 0, full(request));
  }

  @Test
  void preRequestRecordsHitRatioAndBytes() {
    learn(chat(SYSTEM.repeat(4)), pods.get(0));
    InferenceRequest request = chat(SYSTEM.repeat(4));
    producer.prepareRequestData(request, pods);
    int total = full(request);

    producer.preRequest(request, Fixtures.scheduled(pods.get(0)));

    assertThat(metrics.hits).contains(1.0 + ":" + (long) total * 16 * 4);
  }

  @Test
  void indexSizeIsReportedEverySecond() {
    learn(chat(SYSTEM.repeat(3)), pods.get(0));
    long entries = producer.index().entries();

    await().atMost(Duration.ofSeconds(5)).until(() -> metrics.size.get() == entries);
  }

  @Test
  void departedEndpointPurgeIsScheduledEveryTwoMinutes() {
    List<Long> delays = new java.util.concurrent.CopyOnWriteArrayList<>();
    var recording = new java.util.concurrent.ScheduledThreadPoolExecutor(1) {
      @Override
      public java.util.concurrent.ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initial,
          long delay, java.util.concurrent.TimeUnit unit) {
        delays.add(unit.toMillis(delay));
        return super.scheduleWithFixedDelay(task, initial, delay, unit);
      }
    };
    PluginEnvironment env = new PluginEnvironment(Clock.fixed(TestHandles.NOW, ZoneOffset.UTC), () -> 0L,
        new Random(1), recording, datastore, metrics);
    var scheduled = (ApproxPrefixCacheProducer) Fixtures.create(ApproxPrefixCacheProducer.DESCRIPTOR, "p", null,
        new TestHandles.TestHandle(env));
    scheduled.close();
    recording.shutdownNow();

    assertThat(delays).containsExactly(Duration.ofMinutes(2).toMillis());
  }

  @Test
  void concurrentLearningAndMatchingStayConsistent() throws InterruptedException {
    Thread[] workers = new Thread[4];
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    for (int t = 0; t < workers.length; t++) {
      long seed = t;
      workers[t] = new Thread(() -> {
        Random random = new Random(seed);
        try {
          for (int i = 0; i < 500; i++) {
            List<Endpoint> candidates = List.of(pod(0, 0, 0), pod(1, 0, 0), pod(2, 0, 0));
            InferenceRequest request = chat(SYSTEM.repeat(1 + random.nextInt(4)) + random.nextInt(20));
            producer.prepareRequestData(request, candidates);
            producer.preRequest(request, Fixtures.scheduled(candidates.get(random.nextInt(3))));
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      workers[t].start();
    }
    for (Thread worker : workers) {
      worker.join(30_000);
    }

    assertThat(failures).isEmpty();
    long perEndpoint = pods.stream().mapToLong(p -> producer.index().entriesOf(p.metadata())).sum();
    assertThat(producer.index().entries()).isEqualTo(perEndpoint);
  }

  private ApproxPrefixCacheProducer producer(String json) {
    PluginEnvironment env = new PluginEnvironment(Clock.fixed(TestHandles.NOW, ZoneOffset.UTC), () -> 0L,
        new Random(1), scheduler, datastore, metrics);
    return (ApproxPrefixCacheProducer) Fixtures.create(ApproxPrefixCacheProducer.DESCRIPTOR,
        "approx-prefix-cache-producer", json, new TestHandles.TestHandle(env));
  }

  private void learn(InferenceRequest request, Endpoint target) {
    producer.prepareRequestData(request, List.of(target));
    producer.preRequest(request, Fixtures.scheduled(target));
  }

  private int[] matches(InferenceRequest request) {
    return info(request).stream().mapToInt(PrefixCacheMatchInfo::matchBlocks).toArray();
  }

  private List<PrefixCacheMatchInfo> info(InferenceRequest request) {
    return info(request, pods);
  }

  private List<PrefixCacheMatchInfo> info(InferenceRequest request, List<Endpoint> candidates) {
    List<Endpoint> fresh = candidates.stream().map(e -> new Endpoint(e.metadata(), e.metrics())).toList();
    producer.prepareRequestData(request, fresh);
    return fresh.stream().map(e -> e.attributes().get(PrefixCacheMatchInfo.KEY).orElseThrow()).toList();
  }

  private static int full(InferenceRequest request) {
    return PromptHasher.hash(request.targetModel(), "", request.body().promptBytes(), 16, 256).length;
  }

  private static InferenceRequest chat(String content) {
    return chat("m", content, null);
  }

  private static InferenceRequest chat(String model, String content, String salt) {
    return Fixtures.chat(model, "[{\"role\":\"user\",\"content\":\"" + content + "\"}]", salt);
  }

  private static InferenceRequest completion(String prompt) {
    return TestEndpoints.completionRequest("m", prompt);
  }

  private static Endpoint pod(int i, int queue, double kv) {
    return Fixtures.endpoint(i, TestEndpoints.metrics(queue, kv));
  }

  private static final class RecordingMetrics implements MetricsRecorder {
    final AtomicLong size = new AtomicLong(-1);
    final ConcurrentLinkedQueue<String> hits = new ConcurrentLinkedQueue<>();

    @Override
    public void prefixIndexerSize(long entries) {
      size.set(entries);
    }

    @Override
    public void prefixIndexerHit(double hitRatio, long hitBytes) {
      hits.add(hitRatio + ":" + hitBytes);
    }
  }
}
