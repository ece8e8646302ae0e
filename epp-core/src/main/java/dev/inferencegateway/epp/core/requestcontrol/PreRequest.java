package dev.inferencegateway.epp.core.requestcontrol;

import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.scheduling.SchedulingResult;

/** A plugin called after scheduling, before the request is forwarded to its endpoint. */
public interface PreRequest extends Plugin {
  /** Observes the scheduling result (for example to learn the prefix placement); no-op by default. */
  default void preRequest(InferenceRequest request, SchedulingResult result) {}
}
