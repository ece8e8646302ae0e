/**
 * {@code kv-cache-utilization-scorer}: prefers endpoints with free KV-cache.
 *
 * <ul>
 *   <li>Category: distribution.
 *   <li>Formula: {@code 1 − kvCacheUsage}, clamped to [0, 1] (a server reporting more than 100 %
 *       scores 0).
 *   <li>Parameters: none.
 *   <li>Consumes: the scraped metrics only; an endpoint never scraped counts as empty (score 1),
 *       as upstream.
 * </ul>
 */
package dev.inferencegateway.epp.plugins.scorer.kvcache;
