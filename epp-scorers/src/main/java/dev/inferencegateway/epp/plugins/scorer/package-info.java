/**
 * Scorers, one package per type, and the helpers they share.
 *
 * <p>Every scorer returns one score in [0, 1] per candidate, index-aligned with the candidates,
 * never mutates its inputs and depends only on its inputs.
 */
package dev.inferencegateway.epp.plugins.scorer;
