package dev.inferencegateway.epp.plugins.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.Picker;
import dev.inferencegateway.epp.core.scheduling.ScoredEndpoint;
import dev.inferencegateway.epp.core.testing.TestEndpoints;
import dev.inferencegateway.epp.plugins.Fixtures;
import dev.inferencegateway.epp.plugins.picker.maxscore.MaxScorePicker;
import dev.inferencegateway.epp.plugins.picker.random.RandomPicker;
import dev.inferencegateway.epp.plugins.picker.weightedrandom.WeightedRandomPicker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pins the three pickers: order, fallbacks, tie-breaks and sampling frequencies. */
class PickersTest {
  private static final int DRAWS = 20_000;

  static Stream<Arguments> maxScoreCases() {
    return Stream.of(
        Arguments.of("highest score wins", new double[] {1, 5, 3}, 1, List.of(1)),
        Arguments.of("fallback list in score order", new double[] {1, 5, 3, 4}, 3, List.of(1, 3, 2)),
        Arguments.of("more wanted than candidates returns all", new double[] {2, 1}, 5, List.of(0, 1)),
        Arguments.of("single candidate", new double[] {0}, 1, List.of(0)),
        Arguments.of("negative scores still ordered", new double[] {-1, -3}, 2, List.of(0, 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("maxScoreCases")
  void maxScore_ordersByScore(String name, double[] scores, int max, List<Integer> expected) {
    MaxScorePicker picker = new MaxScorePicker("p", new PickerParameters(max), new Random(1));

    List<Endpoint> picked = picker.pick(new CycleState(), scored(scores)).targetEndpoints();

    assertThat(indexes(picked)).isEqualTo(expected);
  }

  @Test
  void maxScore_breaksTiesUniformly() {
    MaxScorePicker picker = new MaxScorePicker("p", new PickerParameters(1), new Random(3));
    List<ScoredEndpoint> scored = scored(new double[] {2, 5, 5, 1, 5});

    Map<Integer, Integer> counts = draw(picker, scored);

    assertThat(counts.keySet()).containsExactlyInAnyOrder(1, 2, 4);
    counts.values().forEach(c -> assertThat(c / (double) DRAWS).isCloseTo(1 / 3.0, within(0.02)));
  }

  @Test
  void maxScore_breaksTiesRandomlyInFallbackList() {
    MaxScorePicker picker = new MaxScorePicker("p", new PickerParameters(2), new Random(3));
    List<ScoredEndpoint> scored = scored(new double[] {5, 5, 1});
    Map<Integer, Integer> firsts = new HashMap<>();

    for (int i = 0; i < DRAWS; i++) {
      List<Integer> picked = indexes(picker.pick(new CycleState(), scored).targetEndpoints());
      assertThat(picked).containsExactlyInAnyOrder(0, 1);
      firsts.merge(picked.get(0), 1, Integer::sum);
    }

    assertThat(firsts.get(0) / (double) DRAWS).isCloseTo(0.5, within(0.02));
  }

  @Test
  void random_picksUniformlyIgnoringScores() {
    RandomPicker picker = new RandomPicker("p", new PickerParameters(1), new Random(5));

    Map<Integer, Integer> counts = draw(picker, scored(new double[] {100, 0, 0, 0}));

    assertThat(counts).hasSize(4);
    counts.values().forEach(c -> assertThat(c / (double) DRAWS).isCloseTo(0.25, within(0.02)));
  }

  @Test
  void random_returnsDistinctEndpoints() {
    RandomPicker picker = new RandomPicker("p", new PickerParameters(3), new Random(5));

    List<Integer> picked = indexes(picker.pick(new CycleState(), scored(new double[] {1, 1, 1, 1})).targetEndpoints());

    assertThat(picked).hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void weightedRandom_frequenciesFollowScores() {
    WeightedRandomPicker picker = new WeightedRandomPicker("p", new PickerParameters(1), new Random(9));

    Map<Integer, Integer> counts = draw(picker, scored(new double[] {1, 3, 0}));

    assertThat(counts).doesNotContainKey(2);
    assertThat(counts.get(1) / (double) DRAWS).isCloseTo(0.75, within(0.02));
  }

  @Test
  void weightedRandom_allZeroFallsBackToUniform() {
    WeightedRandomPicker picker = new WeightedRandomPicker("p", new PickerParameters(1), new Random(9));

    Map<Integer, Integer> counts = draw(picker, scored(new double[] {0, 0, -1}));

    assertThat(counts).hasSize(3);
    counts.values().forEach(c -> assertThat(c / (double) DRAWS).isCloseTo(1 / 3.0, within(0.02)));
  }

  @Test
  void weightedRandom_zeroScoresComeAfterPositiveOnes() {
    WeightedRandomPicker picker = new WeightedRandomPicker("p", new PickerParameters(3), new Random(9));

    List<Integer> picked = indexes(picker.pick(new CycleState(), scored(new double[] {0, 2, 0.5})).targetEndpoints());

    assertThat(picked).hasSize(3);
    assertThat(picked.get(2)).isEqualTo(0);
  }

  @Test
  void pickers_doNotMutateInputAndHandleEmpty() {
    List<Picker> pickers = List.of(
        new MaxScorePicker("a", new PickerParameters(2), new Random(1)),
        new RandomPicker("b", new PickerParameters(2), new Random(1)),
        new WeightedRandomPicker("c", new PickerParameters(2), new Random(1)));
    List<ScoredEndpoint> scored = scored(new double[] {3, 1, 2});
    List<ScoredEndpoint> copy = List.copyOf(scored);

    for (Picker picker : pickers) {
      picker.pick(new CycleState(), scored);
      assertThat(scored).containsExactlyElementsOf(copy);
      assertThat(picker.pick(new CycleState(), List.of()).targetEndpoints()).isEmpty();
    }
  }

  private static Map<Integer, Integer> draw(Picker picker, List<ScoredEndpoint> scored) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 0; i < DRAWS; i++) {
      List<Endpoint> picked = picker.pick(new CycleState(), scored).targetEndpoints();
      assertThat(picked).hasSize(1);
      counts.merge(indexes(picked).get(0), 1, Integer::sum);
    }
    return counts;
  }

  private static List<ScoredEndpoint> scored(double[] scores) {
    List<ScoredEndpoint> scored = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      scored.add(new ScoredEndpoint(Fixtures.endpoint(i, TestEndpoints.metrics(0, 0)), scores[i]));
    }
    return scored;
  }

  private static List<Integer> indexes(List<Endpoint> endpoints) {
    return endpoints.stream().map(e -> Integer.parseInt(e.metadata().podName().substring(4))).toList();
  }
}
