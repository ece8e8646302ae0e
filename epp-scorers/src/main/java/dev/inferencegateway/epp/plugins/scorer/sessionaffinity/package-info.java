/**
 * {@code session-affinity-scorer} (llm-d): keeps a client session on the endpoint that served it.
 *
 * <ul>
 *   <li>Category: affinity.
 *   <li>Request: header {@code x-session-token} carries the base64 (standard alphabet; the URL
 *       alphabet is also accepted) of the endpoint's {@code namespace/name}. That endpoint scores
 *       1, every other 0; no header, an undecodable one or an unknown endpoint scores 0
 *       everywhere.
 *   <li>Response: the token of the endpoint that served the request (as the proxy reports it, or
 *       the scheduled primary endpoint when the proxy does not) is set as response header
 *       {@code x-session-token}, so the client sends it back on its next request.
 *   <li>Parameters: none.
 * </ul>
 */
package dev.inferencegateway.epp.plugins.scorer.sessionaffinity;
