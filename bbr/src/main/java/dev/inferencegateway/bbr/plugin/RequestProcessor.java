package dev.inferencegateway.bbr.plugin;

import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import java.util.Set;

/**
 * A BBR plugin that inspects a complete request (headers and JSON body) before the gateway picks
 * a route, and may set or remove headers and modify the body.
 *
 * <p>Processors run in the configured order on the stream's thread. A processor rejects a request
 * by throwing {@link dev.inferencegateway.epp.core.request.InferenceException} (sent to the client
 * as {@code inference error: <Code> - <message>}); any other exception is logged and the request is
 * forwarded unchanged, as upstream does.
 */
public interface RequestProcessor extends Plugin {
  /**
   * Returns the top-level body fields this processor reads, so that they are collected in the
   * single validating pass over the body instead of a full parse.
   */
  default Set<String> bodyFields() {
    return Set.of();
  }

  /**
   * Processes one request.
   *
   * @param state scratch state shared by the processors of this request and its response
   * @param request the request headers and body, with the header changes made so far
   */
  RequestVerdict processRequest(CycleState state, BbrRequest request);
}
