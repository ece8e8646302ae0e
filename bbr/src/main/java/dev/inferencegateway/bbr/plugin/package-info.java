/**
 * The Body-Based Router's plugin contracts: {@link dev.inferencegateway.bbr.plugin.RequestProcessor}
 * and {@link dev.inferencegateway.bbr.plugin.ResponseProcessor} plugins, the request and response
 * they work on, and the services a BBR plugin factory may use through
 * {@link dev.inferencegateway.bbr.plugin.BbrPluginHandle}.
 *
 * <p>BBR plugins share the EPP's plugin root ({@link dev.inferencegateway.epp.core.plugin.Plugin},
 * descriptors, strict parameter records) and are registered by their upstream type names.
 */
package dev.inferencegateway.bbr.plugin;
