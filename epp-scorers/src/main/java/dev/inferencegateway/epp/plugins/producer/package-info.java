/**
 * Data producers, one package per type, and the endpoint bookkeeping they share: producers that
 * keep per-endpoint state key it by the endpoint's namespace and name, as upstream keys it by the
 * endpoint's {@code NamespacedName}, and drop endpoints that left the pool every
 * {@link dev.inferencegateway.epp.plugins.producer.EndpointTable#PURGE_INTERVAL}.
 */
package dev.inferencegateway.epp.plugins.producer;
