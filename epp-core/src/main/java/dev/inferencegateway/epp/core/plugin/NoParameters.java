package dev.inferencegateway.epp.core.plugin;

/** The parameter record of a plugin type that takes no parameters; any key is an error. */
public record NoParameters() {}
