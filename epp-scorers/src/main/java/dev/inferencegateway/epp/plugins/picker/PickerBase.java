package dev.inferencegateway.epp.plugins.picker;

import dev.inferencegateway.epp.core.scheduling.Picker;
import dev.inferencegateway.epp.plugins.NamedPlugin;
import java.util.random.RandomGenerator;

/** The base of the built-in pickers: name, {@code maxNumOfEndpoints} and the random source. */
public abstract class PickerBase extends NamedPlugin implements Picker {
  /** How many endpoints to return, primary first. */
  protected final int maxNumOfEndpoints;
  /** The injected random source. */
  protected final RandomGenerator random;

  /** Creates a picker of registered type {@code type} named {@code name}. */
  protected PickerBase(String type, String name, PickerParameters parameters, RandomGenerator random) {
    super(type, name);
    this.maxNumOfEndpoints = parameters.maxNumOfEndpoints();
    this.random = random;
  }
}
