package dev.inferencegateway.epp.core.parser;

import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.request.ByteSlice;
import dev.inferencegateway.epp.core.request.InferenceException;
import dev.inferencegateway.epp.core.request.RequestBody;
import dev.inferencegateway.epp.core.request.Usage;
import java.util.Map;
import java.util.Optional;

/**
 * Understands the payloads of one family of model-server APIs: extracts the routing fields of a
 * request body, rewrites its model, and reads token usage from responses.
 */
public interface Parser extends Plugin {
  /**
   * Parses a complete request body.
   *
   * @param headers request headers, keys in lower case (the path is under {@code :path})
   * @param body the complete body
   * @throws InferenceException with {@code BAD_REQUEST} when the body is invalid for its API
   */
  RequestBody parseRequest(Map<String, String> headers, byte[] body);

  /** Returns the body with its {@code model} replaced; the original when nothing changes. */
  RequestBody withModel(RequestBody body, String model);

  /**
   * Extracts usage from response bytes: a complete body when not streaming, or one or more
   * complete server-sent-event lines when streaming.
   */
  Optional<Usage> extractUsage(ByteSlice data, boolean streaming);

  /** Returns whether this parser can serve a pool with the given {@code appProtocol}. */
  default boolean supportsAppProtocol(String appProtocol) {
    return true;
  }
}
