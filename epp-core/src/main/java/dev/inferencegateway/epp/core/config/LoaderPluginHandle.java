package dev.inferencegateway.epp.core.config;

import dev.inferencegateway.epp.core.plugin.EnvironmentPluginHandle;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.plugin.PluginEnvironment;
import dev.inferencegateway.epp.core.plugin.PluginHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The {@link PluginHandle} the loader hands to plugin factories: the injected environment, the
 * plugins created so far (visible by name as soon as each is created) and the warning channel.
 */
final class LoaderPluginHandle extends EnvironmentPluginHandle {
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  LoaderPluginHandle(PluginEnvironment env) {
    super(env);
  }

  /** Adds a created plugin under its instance name. */
  void add(Plugin plugin) {
    register(plugin);
  }

  /** Returns the plugins by name, in creation order. */
  Map<String, Plugin> plugins() {
    return registeredPlugins();
  }

  /** Returns the warnings reported so far, by plugins and by the loader. */
  List<String> warnings() {
    synchronized (warnings) {
      return List.copyOf(warnings);
    }
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }
}
