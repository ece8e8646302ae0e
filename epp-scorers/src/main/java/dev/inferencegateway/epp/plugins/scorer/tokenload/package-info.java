/**
 * {@code token-load-scorer}: prefers endpoints with fewer estimated tokens in flight.
 *
 * <ul>
 *   <li>Category: distribution.
 *   <li>Formula: {@code 1 − min(1, inFlightTokens / queueThresholdTokens)}; an endpoint without
 *       {@code InFlightLoad} counts as idle (1.0).
 *   <li>Parameters: {@code queueThresholdTokens} (4194304, > 0).
 *   <li>Consumes: {@code InFlightLoad}, so the loader creates {@code inflight-load-producer} when
 *       none is configured.
 * </ul>
 */
package dev.inferencegateway.epp.plugins.scorer.tokenload;
