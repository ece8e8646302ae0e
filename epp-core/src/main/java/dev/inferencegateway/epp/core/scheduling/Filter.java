package dev.inferencegateway.epp.core.scheduling;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.requestcontrol.DataConsumer;
import java.util.List;

/**
 * A scheduling step that narrows the candidate endpoints.
 *
 * <p>Filters run in profile order; an empty result fails the profile. A filter never mutates the
 * input list and returns either it or a new list.
 */
public interface Filter extends Plugin, DataConsumer {
  /** Returns the endpoints that pass, in their preferred order. */
  List<Endpoint> filter(CycleState state, InferenceRequest request, List<Endpoint> candidates);
}
