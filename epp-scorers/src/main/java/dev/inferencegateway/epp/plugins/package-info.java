/**
 * The built-in scheduling plugins of the EPP: filters, scorers, pickers, the profile handler and
 * the data producers they consume, one package per plugin type, registered by their upstream type
 * names through {@link dev.inferencegateway.epp.plugins.SchedulingPlugins}.
 */
package dev.inferencegateway.epp.plugins;
