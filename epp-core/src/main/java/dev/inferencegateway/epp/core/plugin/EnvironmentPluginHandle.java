package dev.inferencegateway.epp.core.plugin;

import dev.inferencegateway.epp.core.datastore.Datastore;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * A {@link PluginHandle} that serves the injected services from a {@link PluginEnvironment} and
 * looks plugins up among those registered so far; subclasses decide where warnings go.
 *
 * <p>Registration and lookups are safe for concurrent use. Plugins are kept by instance name in
 * registration order; registering a name again replaces the earlier plugin.
 */
public abstract class EnvironmentPluginHandle implements PluginHandle {
  private final PluginEnvironment environment;
  private final Map<String, Plugin> plugins = new LinkedHashMap<>();

  /** Creates a handle over {@code environment}, with no plugins registered. */
  protected EnvironmentPluginHandle(PluginEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /** Makes {@code plugin} visible to {@link #plugin} and {@link #pluginsOf} under its instance name. */
  protected final void register(Plugin plugin) {
    synchronized (plugins) {
      plugins.put(plugin.typedName().name(), plugin);
    }
  }

  /** Returns a copy of the registered plugins by instance name, in registration order. */
  protected final Map<String, Plugin> registeredPlugins() {
    synchronized (plugins) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(plugins));
    }
  }

  @Override
  public final Clock clock() {
    return environment.clock();
  }

  @Override
  public final LongSupplier nanoClock() {
    return environment.nanoClock();
  }

  @Override
  public final RandomGenerator random() {
    return environment.random();
  }

  @Override
  public final ScheduledExecutorService scheduler() {
    return environment.scheduler();
  }

  @Override
  public final Datastore datastore() {
    return environment.datastore();
  }

  @Override
  public final MetricsRecorder metrics() {
    return environment.metrics();
  }

  @Override
  public final Optional<Plugin> plugin(String name) {
    synchronized (plugins) {
      return Optional.ofNullable(plugins.get(name));
    }
  }

  @Override
  public final <T> List<T> pluginsOf(Class<T> role) {
    synchronized (plugins) {
      return plugins.values().stream().filter(role::isInstance).map(role::cast).toList();
    }
  }
}
