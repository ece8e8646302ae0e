/**
 * {@code running-requests-size-scorer}: prefers endpoints with fewer requests in the running batch.
 *
 * <ul>
 *   <li>Category: distribution.
 *   <li>Formula: min–max over the candidates' {@code runningRequests},
 *       {@code (maxR − r) / (maxR − minR)}; 1.0 for every candidate when all are equal.
 *   <li>Parameters: none.
 *   <li>Consumes: the scraped metrics only; an endpoint never scraped counts as idle.
 * </ul>
 */
package dev.inferencegateway.epp.plugins.scorer.runningrequests;
