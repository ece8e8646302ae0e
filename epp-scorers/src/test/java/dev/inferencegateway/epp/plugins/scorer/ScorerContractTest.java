package dev.inferencegateway.epp.plugins.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.endpoint.AttributeMap;
import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.plugin.DataKey;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.Scorer;
import dev.inferencegateway.epp.core.testing.FakeDatastore;
import dev.inferencegateway.epp.core.testing.TestHandles;
import dev.inferencegateway.epp.plugins.Fixtures;
import dev.inferencegateway.epp.plugins.SchedulingPlugins;
import dev.inferencegateway.epp.plugins.producer.inflightload.InFlightLoad;
import dev.inferencegateway.epp.plugins.producer.prefix.PrefixCacheMatchInfo;
import dev.inferencegateway.epp.plugins.scorer.sessionaffinity.SessionAffinityScorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scorer contract, checked for every scorer the bundle registers over random endpoint sets:
 * one score per candidate, every score in [0, 1], inputs untouched, and the same result for the
 * same inputs and the same seed.
 */
class ScorerContractTest {
  private static final List<String> ADAPTERS = List.of("base", "lora-a", "lora-b", "lora-c");
  private static final int ROUNDS = 300;

  static Stream<String> scorerTypes() {
    return new SchedulingPlugins().descriptors().stream()
        .filter(d -> create(d, 42) instanceof Scorer)
        .map(PluginDescriptor::type);
  }

  @Test
  void bundle_registersEveryScorer() {
    assertThat(scorerTypes()).containsExactlyInAnyOrder("queue-scorer", "kv-cache-utilization-scorer",
        "running-requests-size-scorer", "lora-affinity-scorer", "prefix-cache-scorer", "token-load-scorer",
        "load-aware-scorer", "session-affinity-scorer");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scorerTypes")
  void score_honoursContractOverRandomEndpointSets(String type) {
    PluginDescriptor<?> descriptor = new SchedulingPlugins().descriptors().stream()
        .filter(d -> d.type().equals(type)).findFirst().orElseThrow();
    Scorer scorer = (Scorer) create(descriptor, 7);
    Scorer twin = (Scorer) create(descriptor, 7);
    Random random = new Random(type.hashCode());

    for (int round = 0; round < ROUNDS; round++) {
      List<Endpoint> candidates = randomEndpoints(random);
      InferenceRequest request = randomRequest(random, candidates);
      List<Endpoint> before = List.copyOf(candidates);
      List<Map<DataKey<?>, Object>> attributesBefore = snapshot(candidates);
      List<ModelServerMetrics> metricsBefore = candidates.stream().map(Endpoint::metrics).toList();

      double[] scores = scorer.score(new CycleState(), request, candidates);

      assertThat(scores).as("round %d: one score per candidate", round).hasSize(candidates.size());
      for (double score : scores) {
        assertThat(score).as("round %d: score in [0, 1]", round).isBetween(0.0, 1.0);
      }
      assertThat(candidates).as("round %d: candidates untouched", round).containsExactlyElementsOf(before);
      assertThat(snapshot(candidates)).as("round %d: attributes untouched", round).isEqualTo(attributesBefore);
      assertThat(candidates.stream().map(Endpoint::metrics).toList()).isEqualTo(metricsBefore);
      assertThat(twin.score(new CycleState(), request, candidates))
          .as("round %d: deterministic", round).containsExactly(scores);
    }
  }

  private static Plugin create(PluginDescriptor<?> descriptor, long seed) {
    if (descriptor.type().equals("by-label")) {
      return null;
    }
    Plugin plugin = Fixtures.create(descriptor, descriptor.type(), null, TestHandles.handle(new FakeDatastore(), seed));
    if (!(plugin instanceof Scorer) && plugin instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return plugin;
  }

  private static List<Endpoint> randomEndpoints(Random random) {
    int n = random.nextInt(12);
    List<Endpoint> endpoints = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ModelServerMetrics metrics = random.nextInt(8) == 0 ? ModelServerMetrics.EMPTY
          : ModelServerMetrics.EMPTY.toBuilder()
              .waitingQueueSize(random.nextInt(4) == 0 ? 3 : random.nextInt(300))
              .runningRequests(random.nextInt(64))
              .kvCacheUsage(random.nextDouble() * 1.1)
              .activeModels(someOf(random)).waitingModels(someOf(random))
              .maxActiveModels(random.nextInt(4))
              .updateTime(random.nextBoolean() ? Instant.EPOCH.plusSeconds(1) : TestHandles.NOW)
              .build();
      Endpoint endpoint = Fixtures.endpoint(i, metrics);
      if (random.nextBoolean()) {
        int total = random.nextInt(40);
        endpoint.attributes().put(PrefixCacheMatchInfo.KEY,
            new PrefixCacheMatchInfo(total == 0 ? 0 : random.nextInt(total + 1), total, 16));
      }
      if (random.nextBoolean()) {
        endpoint.attributes().put(InFlightLoad.KEY,
            new InFlightLoad(random.nextInt(50), random.nextInt(8_000_000)));
      }
      endpoints.add(endpoint);
    }
    return endpoints;
  }

  private static InferenceRequest randomRequest(Random random, List<Endpoint> candidates) {
    String model = ADAPTERS.get(random.nextInt(ADAPTERS.size()));
    if (candidates.isEmpty() || random.nextBoolean()) {
      return Fixtures.request(model);
    }
    String token = SessionAffinityScorer.tokenOf(candidates.get(random.nextInt(candidates.size())).metadata());
    return Fixtures.request(model, Map.of(SessionAffinityScorer.SESSION_TOKEN_HEADER, token));
  }

  private static Set<String> someOf(Random random) {
    Set<String> chosen = new java.util.HashSet<>();
    for (String adapter : ADAPTERS) {
      if (random.nextInt(3) == 0) {
        chosen.add(adapter);
      }
    }
    return chosen;
  }

  private static List<Map<DataKey<?>, Object>> snapshot(List<Endpoint> endpoints) {
    List<Map<DataKey<?>, Object>> snapshots = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      AttributeMap attributes = endpoint.attributes();
      Map<DataKey<?>, Object> values = new HashMap<>();
      for (DataKey<?> key : attributes.keys()) {
        values.put(key, attributes.get(key).orElseThrow());
      }
      snapshots.add(values);
    }
    return snapshots;
  }
}
