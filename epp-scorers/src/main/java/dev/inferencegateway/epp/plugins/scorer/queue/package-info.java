/**
 * {@code queue-scorer}: prefers endpoints with fewer waiting requests.
 *
 * <ul>
 *   <li>Category: distribution.
 *   <li>Formula: min–max over the candidates' {@code waitingQueueSize},
 *       {@code (maxQ − q) / (maxQ − minQ)}; 1.0 for every candidate when all queues are equal.
 *   <li>Parameters: none.
 *   <li>Consumes: the scraped metrics only. An endpoint never scraped counts as an empty queue, as
 *       upstream; stale endpoints are the {@code utilization-detector}'s business.
 * </ul>
 */
package dev.inferencegateway.epp.plugins.scorer.queue;
