/**
 * Pickers, one package per type, and what they share: the {@code maxNumOfEndpoints} parameter
 * (default 1; a value of 0 or less is a configuration error here, where upstream silently falls
 * back to 1) and uniform random selection from the injected random source.
 *
 * <p>A picker returns up to {@code maxNumOfEndpoints} endpoints, primary first; the rest are the
 * fallbacks the proxy tries in order.
 */
package dev.inferencegateway.epp.plugins.picker;
