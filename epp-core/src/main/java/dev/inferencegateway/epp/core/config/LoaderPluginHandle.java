package dev.inferencegateway.epp.core.config;

import dev.inferencegateway.epp.core.datastore.Datastore;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.plugin.PluginEnvironment;
import dev.inferencegateway.epp.core.plugin.PluginHandle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The {@link PluginHandle} the loader hands to plugin factories: the injected environment, the
 * plugins created so far (visible by name as soon as each is created) and the warning channel.
 */
final class LoaderPluginHandle implements PluginHandle {
  private final PluginEnvironment env;
  private final Map<String, Plugin> plugins = Collections.synchronizedMap(new LinkedHashMap<>());
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  LoaderPluginHandle(PluginEnvironment env) {
    this.env = env;
  }

  /** Adds a created plugin under its instance name. */
  void add(Plugin plugin) {
    plugins.put(plugin.typedName().name(), plugin);
  }

  /** Returns the plugins by name, in creation order. */
  Map<String, Plugin> plugins() {
    synchronized (plugins) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(plugins));
    }
  }

  /** Returns the warnings reported so far, by plugins and by the loader. */
  List<String> warnings() {
    synchronized (warnings) {
      return List.copyOf(warnings);
    }
  }

  @Override
  public Clock clock() {
    return env.clock();
  }

  @Override
  public LongSupplier nanoClock() {
    return env.nanoClock();
  }

  @Override
  public RandomGenerator random() {
    return env.random();
  }

  @Override
  public ScheduledExecutorService scheduler() {
    return env.scheduler();
  }

  @Override
  public Datastore datastore() {
    return env.datastore();
  }

  @Override
  public MetricsRecorder metrics() {
    return env.metrics();
  }

  @Override
  public Optional<Plugin> plugin(String name) {
    return Optional.ofNullable(plugins.get(name));
  }

  @Override
  public <T> List<T> pluginsOf(Class<T> role) {
    synchronized (plugins) {
      return plugins.values().stream().filter(role::isInstance).map(role::cast).toList();
    }
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }
}
