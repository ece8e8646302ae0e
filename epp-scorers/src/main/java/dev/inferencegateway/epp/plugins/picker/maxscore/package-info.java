/**
 * {@code max-score-picker}: the default picker, the highest total score wins.
 *
 * <ul>
 *   <li>Behaviour: candidates ordered by total score, highest first, ties broken uniformly at
 *       random (upstream shuffles, then sorts stably); the first {@code maxNumOfEndpoints} are
 *       returned. With one endpoint to return this is a single pass choosing uniformly among the
 *       top ties.
 *   <li>Parameters: {@code maxNumOfEndpoints} (1, > 0).
 * </ul>
 */
package dev.inferencegateway.epp.plugins.picker.maxscore;
