package dev.inferencegateway.epp.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.plugin.PluginHandle;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.scheduling.Picker;
import dev.inferencegateway.epp.core.scheduling.ProfileHandler;
import dev.inferencegateway.epp.core.scheduling.Scheduler;
import dev.inferencegateway.epp.core.scheduling.SchedulerProfile;
import dev.inferencegateway.epp.core.scheduling.SchedulingException;
import dev.inferencegateway.epp.core.scheduling.SchedulingResult;
import dev.inferencegateway.epp.core.scheduling.Scorer;
import dev.inferencegateway.epp.core.scheduling.WeightedScorer;
import dev.inferencegateway.epp.core.testing.TestEndpoints;
import dev.inferencegateway.epp.core.testing.TestHandles;
import dev.inferencegateway.epp.plugins.picker.maxscore.MaxScorePicker;
import dev.inferencegateway.epp.plugins.producer.prefix.ApproxPrefixCacheProducer;
import dev.inferencegateway.epp.plugins.profile.single.SingleProfileHandler;
import dev.inferencegateway.epp.plugins.scorer.kvcache.KvCacheUtilizationScorer;
import dev.inferencegateway.epp.plugins.scorer.lora.LoraAffinityScorer;
import dev.inferencegateway.epp.plugins.scorer.prefix.PrefixCacheScorer;
import dev.inferencegateway.epp.plugins.scorer.queue.QueueScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The default profile of upstream §2.6 (queue 2, kv-cache 2, prefix 3, max-score picker, single
 * profile handler, auto-created prefix producer), run through epp-core's real scheduler on
 * upstream's integration cases.
 */
class DefaultProfileTest {
  private final PluginHandle handle = TestHandles.handle();
  private final ApproxPrefixCacheProducer producer =
      (ApproxPrefixCacheProducer) Fixtures.create(ApproxPrefixCacheProducer.DESCRIPTOR, "approx-prefix-cache-producer", null, handle);

  @AfterEach
  void close() {
    producer.close();
  }

  @Test
  void selectLowerQueueAndKvCache() throws SchedulingException {
    List<Endpoint> pods = Fixtures.endpoints(new double[][] {{3, 0.2}, {0, 0.1}, {10, 0.2}});

    Endpoint chosen = decide(defaultScheduler(List.of()), Fixtures.request("my-model-12345"), pods);

    assertThat(chosen.metadata().address()).isEqualTo("10.0.0.1");
  }

  @Test
  void selectActiveLoraLowQueue() throws SchedulingException {
    String adapter = "sql-lora-1fdg2";
    List<Endpoint> pods = List.of(
        Fixtures.endpoint(0, TestEndpoints.loraMetrics(0, 0.2, Set.of("foo", "bar"), Set.of(), 4)),
        Fixtures.endpoint(1, TestEndpoints.loraMetrics(0, 0.1, Set.of("foo", adapter), Set.of(), 4)),
        Fixtures.endpoint(2, TestEndpoints.loraMetrics(10, 0.2, Set.of("foo", "bar"), Set.of(), 4)));

    Endpoint plain = decide(defaultScheduler(List.of()), Fixtures.request(adapter), pods);
    Endpoint withLora = decide(defaultScheduler(List.of(
        new WeightedScorer(new LoraAffinityScorer("lora-affinity-scorer"), 1))), Fixtures.request(adapter), fresh(pods));

    assertThat(plain.metadata().address()).isEqualTo("10.0.0.1");
    assertThat(withLora.metadata().address()).isEqualTo("10.0.0.1");
  }

  @Test
  void selectLoraDespiteHigherKvCache() throws SchedulingException {
    String adapter = "sql-lora-1fdg2";
    List<Endpoint> pods = List.of(
        Fixtures.endpoint(0, TestEndpoints.loraMetrics(10, 0.2, Set.of("foo", "bar"), Set.of(), 0)),
        Fixtures.endpoint(1, TestEndpoints.loraMetrics(10, 0.4, Set.of("foo", adapter), Set.of(), 0)),
        Fixtures.endpoint(2, TestEndpoints.loraMetrics(10, 0.3, Set.of("foo"), Set.of(), 0)));

    Endpoint chosen = decide(defaultScheduler(List.of(
        new WeightedScorer(new LoraAffinityScorer("lora-affinity-scorer"), 1))), Fixtures.request(adapter), pods);

    assertThat(chosen.metadata().address()).isEqualTo("10.0.0.1");
  }

  @Test
  void repeatedPromptSticksToTheEndpointThatLearnedIt() throws SchedulingException {
    Scheduler scheduler = defaultScheduler(List.of());
    String prompt = "[{\"role\":\"system\",\"content\":\"" + "You are a careful assistant. ".repeat(40) + "\"}]";
    List<Endpoint> pods = Fixtures.endpoints(new double[][] {{0, 0.1}, {0, 0.1}, {0, 0.1}, {0, 0.1}});

    Endpoint first = decide(scheduler, Fixtures.chat("m", prompt, null), pods);
    List<Endpoint> busier = new ArrayList<>();
    for (Endpoint pod : pods) {
      double kv = pod.metadata().equals(first.metadata()) ? 0.5 : 0.1;
      busier.add(new Endpoint(pod.metadata(), TestEndpoints.metrics(1, kv)));
    }
    Endpoint second = decide(scheduler, Fixtures.chat("m", prompt, null), busier);

    assertThat(second.metadata()).isEqualTo(first.metadata());
  }

  private Endpoint decide(Scheduler scheduler, InferenceRequest request, List<Endpoint> candidates)
      throws SchedulingException {
    producer.prepareRequestData(request, candidates);
    SchedulingResult result = scheduler.schedule(request, candidates);
    producer.preRequest(request, result);
    return result.primary().targetEndpoints().get(0);
  }

  private Scheduler defaultScheduler(List<WeightedScorer> extra) {
    List<WeightedScorer> scorers = new ArrayList<>(List.of(
        new WeightedScorer((Scorer) Fixtures.create(QueueScorer.DESCRIPTOR, "queue-scorer", null, handle), 2),
        new WeightedScorer((Scorer) Fixtures.create(KvCacheUtilizationScorer.DESCRIPTOR,
            "kv-cache-utilization-scorer", null, handle), 2),
        new WeightedScorer((Scorer) Fixtures.create(PrefixCacheScorer.DESCRIPTOR, "prefix-cache-scorer", null, handle), 3)));
    scorers.addAll(extra);
    Picker picker = (Picker) Fixtures.create(MaxScorePicker.DESCRIPTOR, "max-score-picker", null, handle);
    SchedulerProfile profile = new SchedulerProfile("default", List.of(), scorers, picker,
        MetricsRecorder.NOOP, handle.nanoClock());
    ProfileHandler profileHandler = (ProfileHandler) Fixtures.create(SingleProfileHandler.DESCRIPTOR,
        "single-profile-handler", null, handle);
    return new Scheduler(profileHandler, Map.of("default", profile), MetricsRecorder.NOOP, handle.nanoClock());
  }

  private static List<Endpoint> fresh(List<Endpoint> endpoints) {
    return endpoints.stream().map(e -> new Endpoint(e.metadata(), e.metrics())).toList();
  }
}
