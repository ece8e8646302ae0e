package dev.inferencegateway.bbr.plugin;

import dev.inferencegateway.epp.core.plugin.PluginHandle;

/** The {@link PluginHandle} that BBR hands to its plugin factories, with BBR's own services. */
public interface BbrPluginHandle extends PluginHandle {
  /** Returns the adapter-to-base-model mappings (from ConfigMaps or a static file). */
  BaseModelLookup baseModels();

  /** Returns the recorder of BBR's plugin metrics. */
  BbrRecorder bbrMetrics();

  /**
   * Returns {@code handle} as a BBR handle.
   *
   * @throws IllegalStateException when the plugin is created outside the Body-Based Router
   */
  static BbrPluginHandle of(PluginHandle handle, String pluginType) {
    if (handle instanceof BbrPluginHandle bbr) {
      return bbr;
    }
    throw new IllegalStateException("plugin type '" + pluginType
        + "' is a Body-Based Router plugin; configure it with --plugin on the BBR (or its co-packaged stage)");
  }
}
