/**
 * Base-model mappings (LoRA adapter to base model) for {@code base-model-to-header}: from
 * ConfigMaps labelled {@code inference.networking.k8s.io/bbr-managed: "true"} or
 * {@code inference.llm-d.ai/ipp-managed: "true"} (keys {@code baseModel}, {@code adapters}), or from
 * a static mapping file with the same keys. Conflicting names are reported and resolved in favour of
 * the oldest mapping.
 */
package dev.inferencegateway.bbr.mapping;
