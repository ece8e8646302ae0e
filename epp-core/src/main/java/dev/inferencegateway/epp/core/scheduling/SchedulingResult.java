package dev.inferencegateway.epp.core.scheduling;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a scheduling cycle: the result of every profile that ran and which profile's
 * targets the request is sent to.
 *
 * @param profileResults results keyed by profile name
 * @param primaryProfileName the profile whose targets receive the request
 */
public record SchedulingResult(Map<String, ProfileRunResult> profileResults, String primaryProfileName) {
  public SchedulingResult {
    profileResults = Map.copyOf(profileResults);
    Objects.requireNonNull(primaryProfileName, "primaryProfileName");
    if (!profileResults.containsKey(primaryProfileName)) {
      throw new IllegalArgumentException("no result for primary profile '" + primaryProfileName + "'");
    }
  }

  /** Returns the primary profile's result. */
  public ProfileRunResult primary() {
    return profileResults.get(primaryProfileName);
  }
}
