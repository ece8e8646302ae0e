/**
 * {@code load-aware-scorer} (llm-d): a gentle queue-depth preference with absolute, not relative,
 * normalisation.
 *
 * <ul>
 *   <li>Category: distribution.
 *   <li>Formula: 0.5 when the waiting queue is empty, else
 *       {@code 0.5 · (1 − min(q, threshold) / threshold)}; the score never exceeds 0.5, so the
 *       scorer only breaks ties against affinity scorers of the same weight.
 *   <li>Parameters: {@code threshold} (128, > 0), the queue length that scores 0.
 *   <li>Consumes: the scraped metrics only; an endpoint never scraped counts as an empty queue.
 * </ul>
 */
package dev.inferencegateway.epp.plugins.scorer.loadaware;
