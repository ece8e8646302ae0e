/**
 * {@code inflight-load-producer}: counts the requests and estimated tokens dispatched to each
 * endpoint and not yet completed; the default producer of {@code InFlightLoad}.
 *
 * <ul>
 *   <li>Roles: data producer, pre-request, response-body processor.
 *   <li>Accounting: after scheduling ({@code PreRequest}) the primary target endpoint gains one
 *       request and {@link dev.inferencegateway.epp.plugins.producer.inflightload.TokenEstimator}
 *       tokens; at the end of the response stream (also on client disconnect) exactly what was
 *       added is taken away again. Upstream adds to every fallback endpoint and subtracts from the
 *       served one only, which leaks with {@code maxNumOfEndpoints > 1}; this producer does not.
 *   <li>Produces: {@code InFlightLoad} on every candidate before scheduling.
 *   <li>Endpoints that left the datastore are dropped every two minutes.
 *   <li>Parameters: none.
 * </ul>
 */
package dev.inferencegateway.epp.plugins.producer.inflightload;
