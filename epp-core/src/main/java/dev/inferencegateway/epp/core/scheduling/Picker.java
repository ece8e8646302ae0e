package dev.inferencegateway.epp.core.scheduling;

import dev.inferencegateway.epp.core.plugin.Plugin;
import java.util.List;

/**
 * The last step of a profile: chooses the target endpoints (the primary first, then fallbacks)
 * from the scored candidates.
 */
public interface Picker extends Plugin {
  /** Returns the chosen endpoints; {@code scored} is non-empty and not to be mutated. */
  ProfileRunResult pick(CycleState state, List<ScoredEndpoint> scored);
}
