package dev.inferencegateway.epp.core.scheduling;

import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import java.util.Map;

/**
 * Decides which scheduling profiles run, in rounds, and turns their results into the final
 * {@link SchedulingResult}. Exactly one handler is configured.
 */
public interface ProfileHandler extends Plugin {
  /**
   * Returns the profiles to run in the next round; an empty map ends the cycle.
   *
   * @param profiles all configured profiles by name
   * @param results the results of the profiles that ran so far
   */
  Map<String, SchedulerProfile> pick(CycleState state, InferenceRequest request,
      Map<String, SchedulerProfile> profiles, Map<String, ProfileRunResult> results);

  /** Combines the profile results and names the primary profile. */
  SchedulingResult processResults(CycleState state, InferenceRequest request,
      Map<String, ProfileRunResult> results) throws SchedulingException;
}
