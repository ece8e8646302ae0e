package dev.inferencegateway.epp.plugins.scorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.Scorer;
import dev.inferencegateway.epp.core.testing.TestEndpoints;
import dev.inferencegateway.epp.plugins.Fixtures;
import dev.inferencegateway.epp.plugins.scorer.kvcache.KvCacheUtilizationScorer;
import dev.inferencegateway.epp.plugins.scorer.loadaware.LoadAwareScorer;
import dev.inferencegateway.epp.plugins.scorer.queue.QueueScorer;
import dev.inferencegateway.epp.plugins.scorer.runningrequests.RunningRequestsSizeScorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pins the formulas of the metric-based scorers: queue, running requests, KV cache, load-aware. */
class DistributionScorersTest {
  private static final QueueScorer QUEUE = new QueueScorer("q");
  private static final RunningRequestsSizeScorer RUNNING = new RunningRequestsSizeScorer("r");
  private static final KvCacheUtilizationScorer KV = new KvCacheUtilizationScorer("kv");
  private static final LoadAwareScorer LOAD_AWARE =
      new LoadAwareScorer("la", new LoadAwareScorer.Parameters(10));

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("queue: min-max over waiting queues", QUEUE, queues(0, 5, 10), new double[] {1, 0.5, 0}),
        Arguments.of("queue: all equal score 1", QUEUE, queues(3, 3, 3), new double[] {1, 1, 1}),
        Arguments.of("queue: single candidate scores 1", QUEUE, queues(7), new double[] {1}),
        Arguments.of("queue: no candidates", QUEUE, queues(), new double[] {}),
        Arguments.of("queue: never scraped counts as empty", QUEUE,
            List.of(Fixtures.endpoint(0, ModelServerMetrics.EMPTY), queueOf(1, 4)), new double[] {1, 0}),
        Arguments.of("queue: stale metrics scored as reported", QUEUE,
            List.of(stale(0, 8), queueOf(1, 2)), new double[] {0, 1}),
        Arguments.of("queue: ties at the minimum", QUEUE, queues(1, 1, 3), new double[] {1, 1, 0}),
        Arguments.of("running: min-max over running requests", RUNNING, running(2, 4, 6), new double[] {1, 0.5, 0}),
        Arguments.of("running: all equal score 1", RUNNING, running(5, 5), new double[] {1, 1}),
        Arguments.of("running: no candidates", RUNNING, running(), new double[] {}),
        Arguments.of("kv: one minus usage", KV, kv(0.0, 0.25, 1.0), new double[] {1, 0.75, 0}),
        Arguments.of("kv: above 100% clamps to 0", KV, kv(1.2), new double[] {0}),
        Arguments.of("kv: negative usage clamps to 1", KV, kv(-0.5), new double[] {1}),
        Arguments.of("kv: all equal", KV, kv(0.3, 0.3), new double[] {0.7, 0.7}),
        Arguments.of("kv: never scraped scores 1", KV,
            List.of(Fixtures.endpoint(0, ModelServerMetrics.EMPTY)), new double[] {1}),
        Arguments.of("kv: no candidates", KV, kv(), new double[] {}),
        Arguments.of("load-aware: empty queue 0.5", LOAD_AWARE, queues(0), new double[] {0.5}),
        Arguments.of("load-aware: half threshold", LOAD_AWARE, queues(5), new double[] {0.25}),
        Arguments.of("load-aware: at and above threshold 0", LOAD_AWARE, queues(10, 50), new double[] {0, 0}),
        Arguments.of("load-aware: one waiting request", LOAD_AWARE, queues(1), new double[] {0.45}),
        Arguments.of("load-aware: no candidates", LOAD_AWARE, queues(), new double[] {}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void score_pinsFormula(String name, Scorer scorer, List<Endpoint> candidates, double[] expected) {
    double[] scores = scorer.score(new CycleState(), Fixtures.request("m"), candidates);

    assertThat(scores).containsExactly(expected, within(1e-9));
  }

  private static List<Endpoint> queues(int... queues) {
    return build(queues.length, i -> TestEndpoints.metrics(queues[i], 0.1));
  }

  private static List<Endpoint> running(int... running) {
    return build(running.length, i -> TestEndpoints.metrics(0, 0.1).toBuilder().runningRequests(running[i]).build());
  }

  private static List<Endpoint> kv(double... usage) {
    return build(usage.length, i -> TestEndpoints.metrics(0, usage[i]));
  }

  private static Endpoint queueOf(int i, int queue) {
    return Fixtures.endpoint(i, TestEndpoints.metrics(queue, 0.1));
  }

  private static Endpoint stale(int i, int queue) {
    return Fixtures.endpoint(i, TestEndpoints.metrics(queue, 0.1).toBuilder()
        .updateTime(Instant.parse("2020-01-01T00:00:00Z")).build());
  }

  private static List<Endpoint> build(int n, IntFunction<ModelServerMetrics> metrics) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      endpoints.add(Fixtures.endpoint(i, metrics.apply(i)));
    }
    return endpoints;
  }
}
