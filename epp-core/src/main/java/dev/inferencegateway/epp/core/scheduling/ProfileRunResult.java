package dev.inferencegateway.epp.core.scheduling;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of running one scheduling profile: the target endpoints in order of preference, or
 * the reason the profile failed.
 *
 * @param targetEndpoints primary first, then fallbacks; empty when failed
 * @param failure why the profile failed, empty on success
 */
public record ProfileRunResult(List<Endpoint> targetEndpoints, Optional<String> failure) {
  public ProfileRunResult {
    targetEndpoints = List.copyOf(targetEndpoints);
    Objects.requireNonNull(failure, "failure");
  }

  /** Returns a successful result. */
  public static ProfileRunResult of(List<Endpoint> targets) {
    return new ProfileRunResult(targets, Optional.empty());
  }

  /** Returns a failed result. */
  public static ProfileRunResult failed(String reason) {
    return new ProfileRunResult(List.of(), Optional.of(reason));
  }

  /** Returns true when the profile produced at least one target. */
  public boolean succeeded() {
    return failure.isEmpty() && !targetEndpoints.isEmpty();
  }
}
