package dev.inferencegateway.epp.core.requestcontrol;

import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.request.InferenceResponse;

/** A plugin called when the model server's response headers arrive. */
public interface ResponseHeaderProcessor extends Plugin {
  /** Observes the response headers; no-op by default. */
  default void responseHeader(InferenceRequest request, InferenceResponse response) {}
}
