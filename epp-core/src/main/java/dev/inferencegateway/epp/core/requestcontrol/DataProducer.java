package dev.inferencegateway.epp.core.requestcontrol;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.DataKey;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import java.util.List;
import java.util.Set;

/**
 * A plugin that computes per-request data before scheduling, typically endpoint attributes such
 * as the prefix-cache match.
 *
 * <p>Producers run in dependency order within a shared time budget; a failure or timeout is
 * logged and the request continues without the data.
 */
public interface DataProducer extends Plugin, DataConsumer {
  /** Returns the keys this producer writes. */
  Set<DataKey<?>> produces();

  /** Computes the data for this request and its candidates. */
  default void prepareRequestData(InferenceRequest request, List<Endpoint> candidates) throws Exception {}
}
