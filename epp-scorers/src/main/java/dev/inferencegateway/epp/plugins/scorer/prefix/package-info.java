/**
 * {@code prefix-cache-scorer}: prefers endpoints that hold more of the request's prompt prefix.
 *
 * <ul>
 *   <li>Category: affinity.
 *   <li>Formula: {@code matchBlocks / totalBlocks} from the candidate's
 *       {@code PrefixCacheMatchInfo}; 0 when absent or when the prompt has no block.
 *   <li>Parameters: none of its own. Parameters written on it (upstream samples still put
 *       {@code hashBlockSize}, {@code maxPrefixBlocksToMatch}, {@code lruCapacityPerServer} here)
 *       are forwarded to {@code approx-prefix-cache-producer} with a deprecation warning
 *       (reference decision 4), never ignored.
 *   <li>Consumes: {@code PrefixCacheMatchInfo}, so the loader creates the producer when none is
 *       configured.
 * </ul>
 */
package dev.inferencegateway.epp.plugins.scorer.prefix;
