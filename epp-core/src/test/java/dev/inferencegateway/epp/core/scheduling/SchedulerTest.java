package dev.inferencegateway.epp.core.scheduling;

import static dev.inferencegateway.epp.core.testing.TestEndpoints.completionRequest;
import static dev.inferencegateway.epp.core.testing.TestEndpoints.endpoint;
import static dev.inferencegateway.epp.core.testing.TestEndpoints.metrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Semantics of {@link SchedulerProfile} and {@link Scheduler}, as upstream's scheduler tests. */
class SchedulerTest {
  private final Endpoint a = endpoint("a", "10.0.0.1", metrics(0, 0.1));
  private final Endpoint b = endpoint("b", "10.0.0.2", metrics(3, 0.5));
  private final Endpoint c = endpoint("c", "10.0.0.3", metrics(9, 0.9));
  private final List<Endpoint> all = List.of(a, b, c);
  private final InferenceRequest request = completionRequest("llama", "hello");
  private final List<String> calls = new ArrayList<>();

  @Test
  void run_sumsClampedScoresTimesWeights_withoutNormalising() {
    RecordingPicker picker = new RecordingPicker();
    SchedulerProfile profile = profile("p", List.of(), List.of(
        new WeightedScorer(scorer("s1", 1.0, 0.5, 0.0), 2.0),
        new WeightedScorer(scorer("s2", 0.2, 0.4, 1.0), 0.5)), picker);

    ProfileRunResult result = profile.run(new CycleState(), request, all);

    assertThat(picker.totals()).containsExactly(
        Map.entry("a", 2.1), Map.entry("b", 1.2), Map.entry("c", 0.5));
    assertThat(result.targetEndpoints()).containsExactly(a);
  }

  @Test
  void run_clampsNegativeAboveOneAndNaNScores() {
    RecordingPicker picker = new RecordingPicker();
    SchedulerProfile profile = profile("p", List.of(),
        List.of(new WeightedScorer(scorer("wild", -0.5, 1.7, Double.NaN), 3.0)), picker);

    profile.run(new CycleState(), request, all);

    assertThat(picker.totals()).containsExactly(Map.entry("a", 0.0), Map.entry("b", 3.0), Map.entry("c", 0.0));
  }

  @Test
  void run_filtersInOrderAndStopsAtAnEmptyResult() {
    RecordingPicker picker = new RecordingPicker();
    SchedulerProfile profile = profile("p",
        List.of(filter("drop-c", List.of(a, b)), filter("drop-all", List.of()), filter("never", all)),
        List.of(new WeightedScorer(scorer("s", 1, 1, 1), 1)), picker);

    ProfileRunResult result = profile.run(new CycleState(), request, all);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.failure()).contains("no endpoints available for the given request");
    assertThat(calls).containsExactly("filter drop-c [a, b, c]", "filter drop-all [a, b]");
    assertThat(picker.totals()).isEmpty();
  }

  @Test
  void run_scoresOnlyTheEndpointsThatPassedTheFilters() {
    RecordingPicker picker = new RecordingPicker();
    SchedulerProfile profile = profile("p", List.of(filter("keep-b-c", List.of(b, c))),
        List.of(new WeightedScorer(scorer("s", 0.3, 0.6), 1)), picker);

    profile.run(new CycleState(), request, all);

    assertThat(calls).containsExactly("filter keep-b-c [a, b, c]", "score s [b, c]");
    assertThat(picker.totals()).containsExactly(Map.entry("b", 0.3), Map.entry("c", 0.6));
  }

  @Test
  void profile_requiresExactlyOnePicker() {
    assertThatThrownBy(() -> profile("lonely", List.of(), List.of(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("picker of profile 'lonely'");
  }

  @Test
  void run_rejectsAScorerThatReturnsTheWrongNumberOfScores() {
    SchedulerProfile profile = profile("p", List.of(),
        List.of(new WeightedScorer(scorer("short", 1.0), 1)), new RecordingPicker());

    assertThatThrownBy(() -> profile.run(new CycleState(), request, all))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("scorer 'short' returned 1 scores for 3 endpoints");
  }

  @Test
  void weightedScorer_rejectsNonFiniteWeights() {
    assertThatThrownBy(() -> new WeightedScorer(scorer("s"), Double.POSITIVE_INFINITY))
        .hasMessage("weight of scorer 's' must be finite");
  }

  @Test
  void tieBreaking_isRandomButReproducibleWithASeededSource() {
    List<String> first = pickTies(new Random(42), 200);
    List<String> second = pickTies(new Random(42), 200);
    List<String> otherSeed = pickTies(new Random(7), 200);

    assertThat(first).isEqualTo(second);
    assertThat(first).isNotEqualTo(otherSeed);
    assertThat(first).contains("a", "b", "c");
    Map<String, Integer> counts = new HashMap<>();
    first.forEach(n -> counts.merge(n, 1, Integer::sum));
    assertThat(counts.values()).allSatisfy(n -> assertThat(n / 200.0).isCloseTo(1 / 3.0, within(0.12)));
  }

  @Test
  void tieBreaking_neverOverridesAHigherScore() {
    SchedulerProfile profile = profile("p", List.of(),
        List.of(new WeightedScorer(scorer("s", 0.5, 0.9, 0.5), 1)), new ShufflingMaxPicker(new Random(3)));

    for (int i = 0; i < 50; i++) {
      assertThat(profile.run(new CycleState(), request, all).targetEndpoints()).containsExactly(b);
    }
  }

  @Test
  void schedule_runsProfilesInRoundsChosenByTheHandler() throws SchedulingException {
    Map<String, SchedulerProfile> profiles = new LinkedHashMap<>();
    profiles.put("prefill", profile("prefill", List.of(), List.of(new WeightedScorer(scorer("kv", 1, 0, 0), 1)),
        new ShufflingMaxPicker(new Random(1))));
    profiles.put("decode", profile("decode", List.of(), List.of(new WeightedScorer(scorer("queue", 0, 0, 1), 1)),
        new ShufflingMaxPicker(new Random(1))));
    List<String> rounds = new ArrayList<>();
    ProfileHandler twoRounds = handler("two-round-handler", (all, results) -> {
      rounds.add(String.join(",", results.keySet()));
      if (results.isEmpty()) {
        return Map.of("decode", all.get("decode"));
      }
      return results.containsKey("prefill") ? Map.of() : Map.of("prefill", all.get("prefill"));
    }, results -> new SchedulingResult(results, "decode"));

    SchedulingResult result = new Scheduler(twoRounds, profiles, MetricsRecorder.NOOP, () -> 0L)
        .schedule(request, all);

    assertThat(rounds).containsExactly("", "decode", "decode,prefill");
    assertThat(calls).containsExactly("score queue [a, b, c]", "score kv [a, b, c]");
    assertThat(result.primaryProfileName()).isEqualTo("decode");
    assertThat(result.primary().targetEndpoints()).containsExactly(c);
    assertThat(result.profileResults().get("prefill").targetEndpoints()).containsExactly(a);
  }

  @Test
  void schedule_failsWhenTheHandlerRunsNoProfile() {
    ProfileHandler idle = handler("idle", (all, results) -> Map.of(), results -> {
      throw new AssertionError("not reached");
    });
    Scheduler scheduler = new Scheduler(idle,
        Map.of("p", profile("p", List.of(), List.of(), new RecordingPicker())), MetricsRecorder.NOOP, () -> 0L);

    assertThatThrownBy(() -> scheduler.schedule(request, all))
        .isInstanceOf(SchedulingException.class)
        .hasMessage("no profiles were run");
  }

  private List<String> pickTies(RandomGenerator random, int times) {
    SchedulerProfile profile = profile("p", List.of(),
        List.of(new WeightedScorer(scorer("flat", 0.5, 0.5, 0.5), 2)), new ShufflingMaxPicker(random));
    List<String> picks = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      picks.add(profile.run(new CycleState(), request, all).targetEndpoints().get(0).metadata().podName());
    }
    return picks;
  }

  private static ProfileHandler handler(String name,
      BiFunction<Map<String, SchedulerProfile>, Map<String, ProfileRunResult>, Map<String, SchedulerProfile>> pick,
      Function<Map<String, ProfileRunResult>, SchedulingResult> process) {
    return new ProfileHandler() {
      @Override
      public TypedName typedName() {
        return TypedName.of(name);
      }

      @Override
      public Map<String, SchedulerProfile> pick(CycleState state, InferenceRequest req,
          Map<String, SchedulerProfile> profiles, Map<String, ProfileRunResult> results) {
        return pick.apply(profiles, results);
      }

      @Override
      public SchedulingResult processResults(CycleState state, InferenceRequest req,
          Map<String, ProfileRunResult> results) {
        return process.apply(results);
      }
    };
  }

  private static SchedulerProfile profile(String name, List<Filter> filters, List<WeightedScorer> scorers,
      Picker picker) {
    return new SchedulerProfile(name, filters, scorers, picker, MetricsRecorder.NOOP, () -> 0L);
  }

  private Filter filter(String name, List<Endpoint> keep) {
    return new Filter() {
      @Override
      public TypedName typedName() {
        return TypedName.of(name);
      }

      @Override
      public List<Endpoint> filter(CycleState state, InferenceRequest req, List<Endpoint> candidates) {
        calls.add("filter " + name + " " + pods(candidates));
        return candidates.stream().filter(keep::contains).toList();
      }
    };
  }

  private Scorer scorer(String name, double... scores) {
    return new Scorer() {
      @Override
      public TypedName typedName() {
        return TypedName.of(name);
      }

      @Override
      public ScorerCategory category() {
        return ScorerCategory.DISTRIBUTION;
      }

      @Override
      public double[] score(CycleState state, InferenceRequest req, List<Endpoint> candidates) {
        calls.add("score " + name + " " + pods(candidates));
        return scores.clone();
      }
    };
  }

  private static List<String> pods(List<Endpoint> endpoints) {
    return endpoints.stream().map(e -> e.metadata().podName()).toList();
  }

  /** Records the totals it receives and picks the highest, first on ties. */
  private static final class RecordingPicker implements Picker {
    private final Map<String, Double> totals = new LinkedHashMap<>();

    @Override
    public TypedName typedName() {
      return TypedName.of("recording-picker");
    }

    @Override
    public ProfileRunResult pick(CycleState state, List<ScoredEndpoint> scored) {
      scored.forEach(s -> totals.put(s.endpoint().metadata().podName(), Math.round(s.score() * 1e9) / 1e9));
      return ProfileRunResult.of(List.of(scored.stream()
          .max(Comparator.comparingDouble(ScoredEndpoint::score)).orElseThrow().endpoint()));
    }

    List<Map.Entry<String, Double>> totals() {
      return List.copyOf(totals.entrySet());
    }
  }

  /** Shuffles with the injected random source, then takes the highest score (upstream's max-score tie-break). */
  private static final class ShufflingMaxPicker implements Picker {
    private final RandomGenerator random;

    ShufflingMaxPicker(RandomGenerator random) {
      this.random = random;
    }

    @Override
    public TypedName typedName() {
      return TypedName.of("shuffling-max-picker");
    }

    @Override
    public ProfileRunResult pick(CycleState state, List<ScoredEndpoint> scored) {
      List<ScoredEndpoint> shuffled = new ArrayList<>(scored);
      for (int i = shuffled.size() - 1; i > 0; i--) {
        java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
      }
      shuffled.sort(Comparator.comparingDouble(ScoredEndpoint::score).reversed());
      return ProfileRunResult.of(List.of(shuffled.get(0).endpoint()));
    }
  }
}
