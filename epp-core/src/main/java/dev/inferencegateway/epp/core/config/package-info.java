/**
 * The {@code EndpointPickerConfig} schema and its loader.
 *
 * <p>{@link dev.inferencegateway.epp.core.config.ConfigLoader} turns a
 * {@link dev.inferencegateway.epp.core.config.ConfigSource} (file, {@code --config-text} or the
 * built-in default) into a {@link dev.inferencegateway.epp.core.config.LoadedConfig} in upstream's
 * two phases: strict decoding with line numbers, then instantiation through the plugin registry,
 * system defaults, reference validation and the data-producer graph. Default plugins are created
 * by type name, so this package knows no plugin class.
 *
 * <p>Accepted {@code apiVersion}s: {@code inference.networking.x-k8s.io/v1alpha1} and
 * {@code llm-d.ai/v1alpha1}. The deprecated key {@code data} is read as {@code dataLayer}.
 * Parameters on a plugin type that forwards them to its data producer (the prefix-cache scorer)
 * are applied to that producer with a deprecation warning.
 */
package dev.inferencegateway.epp.core.config;
