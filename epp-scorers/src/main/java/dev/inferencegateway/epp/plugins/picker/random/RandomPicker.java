package dev.inferencegateway.epp.plugins.picker.random;

import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.ProfileRunResult;
import dev.inferencegateway.epp.core.scheduling.ScoredEndpoint;
import dev.inferencegateway.epp.plugins.picker.PickerBase;
import dev.inferencegateway.epp.plugins.picker.PickerParameters;
import dev.inferencegateway.epp.plugins.picker.RandomSelection;
import java.util.List;
import java.util.random.RandomGenerator;

/** The {@code random-picker}: uniform random choice, scores ignored. */
public final class RandomPicker extends PickerBase {
  /** The registered type name. */
  public static final String TYPE = "random-picker";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<PickerParameters> DESCRIPTOR = PluginDescriptor.builder(
      TYPE, PickerParameters.class,
      (name, params, handle) -> new RandomPicker(name, params, handle.random())).build();

  /** Creates the picker drawing from {@code random}. */
  public RandomPicker(String name, PickerParameters parameters, RandomGenerator random) {
    super(TYPE, name, parameters, random);
  }

  @Override
  public ProfileRunResult pick(CycleState state, List<ScoredEndpoint> scored) {
    if (scored.isEmpty()) {
      return ProfileRunResult.of(List.of());
    }
    return ProfileRunResult.of(RandomSelection.pick(scored, maxNumOfEndpoints, random));
  }
}
