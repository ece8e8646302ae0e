/**
 * {@code weighted-random-picker}: picks at random with probability proportional to the score.
 *
 * <ul>
 *   <li>Behaviour: A-Res weighted sampling without replacement. Each candidate with a positive
 *       score gets the key {@code U^(1/score)}, {@code U} uniform in (0, 1] (a drawn 0 becomes
 *       1e-10); the candidates with the largest keys are returned, largest first. Candidates
 *       scoring 0 or less come after every positive one, in random order. When no candidate scores
 *       above 0 this is the {@code random-picker}.
 *   <li>Parameters: {@code maxNumOfEndpoints} (1, > 0).
 * </ul>
 */
package dev.inferencegateway.epp.plugins.picker.weightedrandom;
