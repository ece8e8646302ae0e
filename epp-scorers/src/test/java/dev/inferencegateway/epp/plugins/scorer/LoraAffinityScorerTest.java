package dev.inferencegateway.epp.plugins.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.testing.TestEndpoints;
import dev.inferencegateway.epp.plugins.Fixtures;
import dev.inferencegateway.epp.plugins.scorer.lora.LoraAffinityScorer;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each LoRA tier is reachable, with running and waiting adapters as distinct sets. */
class LoraAffinityScorerTest {
  private static final String ADAPTER = "sql-lora";
  private final LoraAffinityScorer scorer = new LoraAffinityScorer("lora");

  static Stream<Arguments> tiers() {
    return Stream.of(
        Arguments.of("running adapter scores 1.0", Set.of(ADAPTER, "foo"), Set.of(), 2, 1.0),
        Arguments.of("running adapter scores 1.0 even with slots full", Set.of(ADAPTER, "a"), Set.of("b"), 2, 1.0),
        Arguments.of("free slot scores 0.8", Set.of("foo"), Set.of(), 2, 0.8),
        Arguments.of("free slot beats waiting", Set.of("foo"), Set.of(ADAPTER), 4, 0.8),
        Arguments.of("waiting adapter with slots full scores 0.6", Set.of("foo"), Set.of(ADAPTER), 2, 0.6),
        Arguments.of("adapter in both lists counts once, slot free", Set.of("foo", "bar"), Set.of("bar"), 3, 0.8),
        Arguments.of("no slot and not waiting scores 0", Set.of("foo", "bar"), Set.of(), 2, 0.0),
        Arguments.of("never scraped (no slots) scores 0", Set.of(), Set.of(), 0, 0.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void score_tier(String name, Set<String> running, Set<String> waiting, int maxLoras, double expected) {
    Endpoint endpoint = Fixtures.endpoint(0, TestEndpoints.loraMetrics(0, 0.1, running, waiting, maxLoras));

    double[] scores = scorer.score(new CycleState(), Fixtures.request(ADAPTER), List.of(endpoint));

    assertThat(scores).containsExactly(expected);
  }

  @Test
  void score_ranksTiersAcrossCandidates() {
    List<Endpoint> candidates = List.of(
        Fixtures.endpoint(0, TestEndpoints.loraMetrics(0, 0.1, Set.of("a", "b"), Set.of(), 2)),
        Fixtures.endpoint(1, TestEndpoints.loraMetrics(0, 0.1, Set.of("a"), Set.of(ADAPTER), 1)),
        Fixtures.endpoint(2, TestEndpoints.loraMetrics(0, 0.1, Set.of("a"), Set.of(), 2)),
        Fixtures.endpoint(3, TestEndpoints.loraMetrics(0, 0.1, Set.of(ADAPTER), Set.of(), 1)),
        Fixtures.endpoint(4, ModelServerMetrics.EMPTY));

    double[] scores = scorer.score(new CycleState(), Fixtures.request(ADAPTER), candidates);

    assertThat(scores).containsExactly(0.0, 0.6, 0.8, 1.0, 0.0);
  }

  @Test
  void score_noCandidates() {
    assertThat(scorer.score(new CycleState(), Fixtures.request(ADAPTER), List.of())).isEmpty();
  }
}
