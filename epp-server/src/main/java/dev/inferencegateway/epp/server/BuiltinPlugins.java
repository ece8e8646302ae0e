package dev.inferencegateway.epp.server;

import dev.inferencegateway.epp.core.plugin.PluginBundle;
import dev.inferencegateway.epp.core.plugin.PluginRegistry;
import dev.inferencegateway.epp.datastore.plugins.DataLayerPlugins;
import dev.inferencegateway.epp.plugins.SchedulingPlugins;
import dev.inferencegateway.epp.server.parser.ParserPlugins;
import dev.inferencegateway.epp.server.requestcontrol.RequestControlPlugins;
import java.util.List;

/**
 * The one explicit list of the EPP's built-in plugin bundles; out-of-tree bundles on the class
 * path are added through {@link java.util.ServiceLoader} ({@code META-INF/services/}
 * {@code dev.inferencegateway.epp.core.plugin.PluginBundle}).
 */
public final class BuiltinPlugins {
  private BuiltinPlugins() {}

  /** Returns the built-in bundles with the given data-layer bundle, in registration order. */
  public static List<PluginBundle> bundles(DataLayerPlugins dataLayer) {
    return List.of(new SchedulingPlugins(), dataLayer, new ParserPlugins(), new RequestControlPlugins());
  }

  /** Returns the registry of the built-in bundles (data layer with upstream defaults) plus class-path bundles. */
  public static PluginRegistry registry() {
    return registry(new DataLayerPlugins());
  }

  /** Returns the registry of the built-in bundles with {@code dataLayer} plus every bundle on the class path. */
  public static PluginRegistry registry(DataLayerPlugins dataLayer) {
    return PluginRegistry.withServiceLoader(bundles(dataLayer), BuiltinPlugins.class.getClassLoader());
  }
}
