package dev.inferencegateway.epp.core.requestcontrol;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import java.util.List;
import java.util.Optional;

/** A plugin that may refuse a request after data preparation and before scheduling. */
public interface Admitter extends Plugin {
  /** Returns the reason for refusing the request, or empty to admit it (the default). */
  default Optional<String> admitRequest(InferenceRequest request, List<Endpoint> candidates) {
    return Optional.empty();
  }
}
