/**
 * {@code base-model-to-header}: sets {@code X-Gateway-Base-Model-Name} to the base model of the
 * body's {@code model}, so that one HTTPRoute per base model can pick its InferencePool.
 *
 * <p>Formula: a LoRA adapter maps to its base model, a known base model maps to itself, an unknown
 * name maps to an empty value (the header is still set, as upstream). The plugin is skipped when
 * the body has no {@code model}.
 *
 * <p>Parameters: none. Consumes: the body field {@code model} and the base-model mappings (labelled
 * ConfigMaps or the static mapping file). Produces: the header {@code X-Gateway-Base-Model-Name}.
 */
package dev.inferencegateway.bbr.plugins.basemodeltoheader;
