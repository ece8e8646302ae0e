/**
 * {@code random-picker}: ignores the scores and picks uniformly at random.
 *
 * <ul>
 *   <li>Behaviour: {@code maxNumOfEndpoints} distinct candidates drawn uniformly from the injected
 *       random source, primary first.
 *   <li>Parameters: {@code maxNumOfEndpoints} (1, > 0).
 * </ul>
 */
package dev.inferencegateway.epp.plugins.picker.random;
