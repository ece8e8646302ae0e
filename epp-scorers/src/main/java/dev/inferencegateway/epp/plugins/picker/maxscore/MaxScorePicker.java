package dev.inferencegateway.epp.plugins.picker.maxscore;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.ProfileRunResult;
import dev.inferencegateway.epp.core.scheduling.ScoredEndpoint;
import dev.inferencegateway.epp.plugins.picker.PickerBase;
import dev.inferencegateway.epp.plugins.picker.PickerParameters;
import dev.inferencegateway.epp.plugins.picker.RandomSelection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/** The {@code max-score-picker}: highest score first, random tie-break. */
public final class MaxScorePicker extends PickerBase {
  /** The registered type name. */
  public static final String TYPE = "max-score-picker";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<PickerParameters> DESCRIPTOR = PluginDescriptor.builder(
      TYPE, PickerParameters.class,
      (name, params, handle) -> new MaxScorePicker(name, params, handle.random())).build();

  private static final Comparator<ScoredEndpoint> HIGHEST_FIRST =
      Comparator.comparingDouble(ScoredEndpoint::score).reversed();

  /** Creates the picker breaking ties with {@code random}. */
  public MaxScorePicker(String name, PickerParameters parameters, RandomGenerator random) {
    super(TYPE, name, parameters, random);
  }

  @Override
  public ProfileRunResult pick(CycleState state, List<ScoredEndpoint> scored) {
    if (scored.isEmpty()) {
      return ProfileRunResult.of(List.of());
    }
    if (maxNumOfEndpoints == 1) {
      return ProfileRunResult.of(List.of(best(scored)));
    }
    ScoredEndpoint[] ordered = scored.toArray(new ScoredEndpoint[0]);
    RandomSelection.shuffle(ordered, random);
    Arrays.sort(ordered, HIGHEST_FIRST);
    int n = Math.min(maxNumOfEndpoints, ordered.length);
    List<Endpoint> picked = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      picked.add(ordered[i].endpoint());
    }
    return ProfileRunResult.of(picked);
  }

  private Endpoint best(List<ScoredEndpoint> scored) {
    Endpoint best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    int ties = 0;
    for (int i = 0, n = scored.size(); i < n; i++) {
      ScoredEndpoint candidate = scored.get(i);
      double score = candidate.score();
      if (best == null || score > bestScore) {
        best = candidate.endpoint();
        bestScore = score;
        ties = 1;
      } else if (score == bestScore && random.nextInt(++ties) == 0) {
        best = candidate.endpoint();
      }
    }
    return best;
  }
}
