package dev.inferencegateway.epp.server;

import dev.inferencegateway.epp.core.plugin.PluginBundle;
import dev.inferencegateway.epp.core.plugin.PluginRegistry;
import dev.inferencegateway.epp.plugins.SchedulingPlugins;
import dev.inferencegateway.epp.server.parser.ParserPlugins;
import java.util.List;

/**
 * The one explicit list of the EPP's built-in plugin bundles; out-of-tree bundles on the class
 * path are added through {@link java.util.ServiceLoader} ({@code META-INF/services/}
 * {@code dev.inferencegateway.epp.core.plugin.PluginBundle}).
 */
public final class BuiltinPlugins {
  private BuiltinPlugins() {}

  /** Returns the built-in bundles, in registration order. */
  public static List<PluginBundle> bundles() {
    return List.of(new SchedulingPlugins(), new ParserPlugins());
  }

  /** Returns the registry of the built-in bundles plus every bundle found on the class path. */
  public static PluginRegistry registry() {
    return PluginRegistry.withServiceLoader(bundles(), BuiltinPlugins.class.getClassLoader());
  }
}
