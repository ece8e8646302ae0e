package dev.inferencegateway.epp.plugins.picker.weightedrandom;

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
import java.util.List;
import java.util.random.RandomGenerator;

/** The {@code weighted-random-picker}: A-Res sampling weighted by score. */
public final class WeightedRandomPicker extends PickerBase {
  /** The registered type name. */
  public static final String TYPE = "weighted-random-picker";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<PickerParameters> DESCRIPTOR = PluginDescriptor.builder(
      TYPE, PickerParameters.class,
      (name, params, handle) -> new WeightedRandomPicker(name, params, handle.random())).build();

  private static final double SMALLEST_U = 1e-10;

  /** Creates the picker drawing from {@code random}. */
  public WeightedRandomPicker(String name, PickerParameters parameters, RandomGenerator random) {
    super(TYPE, name, parameters, random);
  }

  @Override
  public ProfileRunResult pick(CycleState state, List<ScoredEndpoint> scored) {
    if (scored.stream().noneMatch(s -> s.score() > 0)) {
      return ProfileRunResult.of(scored.isEmpty() ? List.of()
          : RandomSelection.pick(scored, maxNumOfEndpoints, random));
    }
    int size = scored.size();
    double[] keys = new double[size];
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      double u = random.nextDouble();
      double score = scored.get(i).score();
      keys[i] = score > 0 ? Math.pow(u == 0 ? SMALLEST_U : u, 1.0 / score) : -1.0 - u;
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
    int n = Math.min(maxNumOfEndpoints, size);
    List<Endpoint> picked = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      picked.add(scored.get(order[i]).endpoint());
    }
    return ProfileRunResult.of(picked);
  }
}
