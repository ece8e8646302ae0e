package dev.inferencegateway.epp.core.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** An immutable map from plugin type name to its {@link PluginDescriptor}. */
public final class PluginRegistry {
  private final Map<String, PluginDescriptor<?>> byType;

  private PluginRegistry(Map<String, PluginDescriptor<?>> byType) {
    this.byType = Map.copyOf(byType);
  }

  /**
   * Builds a registry from explicit descriptors.
   *
   * @throws IllegalArgumentException when two descriptors share a type name
   */
  public static PluginRegistry of(Collection<? extends PluginDescriptor<?>> descriptors) {
    Map<String, PluginDescriptor<?>> map = new LinkedHashMap<>();
    for (PluginDescriptor<?> d : descriptors) {
      if (map.putIfAbsent(d.type(), d) != null) {
        throw new IllegalArgumentException("plugin type '" + d.type() + "' is registered twice");
      }
    }
    return new PluginRegistry(map);
  }

  /** Builds a registry from the given bundles followed by every bundle found by {@link ServiceLoader}. */
  public static PluginRegistry withServiceLoader(List<PluginBundle> builtIns, ClassLoader loader) {
    List<PluginDescriptor<?>> all = new ArrayList<>();
    builtIns.forEach(b -> all.addAll(b.descriptors()));
    for (PluginBundle bundle : ServiceLoader.load(PluginBundle.class, loader)) {
      all.addAll(bundle.descriptors());
    }
    return of(all);
  }

  /** Returns the descriptor registered for {@code type}. */
  public Optional<PluginDescriptor<?>> find(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** Returns every registered descriptor. */
  public Collection<PluginDescriptor<?>> descriptors() {
    return byType.values();
  }

  /** Returns the descriptor that is the default producer of {@code key}, if any. */
  public Optional<PluginDescriptor<?>> defaultProducerFor(DataKey<?> key) {
    return byType.values().stream().filter(d -> d.defaultProducerFor().contains(key)).findFirst();
  }
}
