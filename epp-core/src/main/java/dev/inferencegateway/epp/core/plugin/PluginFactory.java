package dev.inferencegateway.epp.core.plugin;

/**
 * Creates a plugin instance from its validated parameters.
 *
 * @param <P> the parameter record type
 */
@FunctionalInterface
public interface PluginFactory<P> {
  /**
   * Creates the plugin.
   *
   * @param name the instance name
   * @param parameters the strictly parsed parameters (never null; defaults applied)
   * @param handle access to the clock, random source, executor, other plugins and metrics
   * @throws IllegalArgumentException when the parameters are inconsistent; the message names the
   *     field
   */
  Plugin create(String name, P parameters, PluginHandle handle);
}
