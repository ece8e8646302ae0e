package dev.inferencegateway.epp.core.director;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.scheduling.SchedulingResult;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of routing one request: the final request (with its target model and possibly
 * rewritten body), the scheduling result, and the target endpoints of the primary profile.
 *
 * @param request the request as sent upstream
 * @param scheduling the result of every profile that ran
 * @param targets the primary profile's endpoints, primary first, then fallbacks
 * @param bodyRewritten whether the body differs from the one received
 */
public record DirectorResult(InferenceRequest request, SchedulingResult scheduling, List<Endpoint> targets,
    boolean bodyRewritten) {
  public DirectorResult {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(scheduling, "scheduling");
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a routed request needs at least one target endpoint");
    }
  }

  /** Returns the destination value: {@code ip:port} of every target, comma separated. */
  public String destination() {
    return targets.stream().map(e -> e.metadata().hostPort()).collect(Collectors.joining(","));
  }
}
