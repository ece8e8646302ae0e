package dev.inferencegateway.epp.plugins.producer.inflightload;

import dev.inferencegateway.epp.core.plugin.DataKey;

/**
 * The requests and estimated tokens this EPP has dispatched to one endpoint and not yet seen
 * complete.
 *
 * @param requests in-flight requests
 * @param tokens estimated in-flight tokens (input plus expected output)
 */
public record InFlightLoad(long requests, long tokens) {
  /** The endpoint attribute key, produced by {@code inflight-load-producer}. */
  public static final DataKey<InFlightLoad> KEY = DataKey.of("InFlightLoad", InFlightLoad.class);

  /** No load. */
  public static final InFlightLoad NONE = new InFlightLoad(0, 0);
}
