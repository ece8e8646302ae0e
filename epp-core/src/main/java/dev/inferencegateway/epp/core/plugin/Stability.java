package dev.inferencegateway.epp.core.plugin;

/** The stability level of a plugin type; alpha types need an explicit opt-in to be loaded. */
public enum Stability {
  ALPHA,
  BETA,
  STABLE
}
