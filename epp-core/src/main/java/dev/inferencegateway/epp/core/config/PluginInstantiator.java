package dev.inferencegateway.epp.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.PluginSpec;
import dev.inferencegateway.epp.core.plugin.DataKey;
import dev.inferencegateway.epp.core.plugin.Deprecation;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.PluginParameterException;
import dev.inferencegateway.epp.core.plugin.PluginParameters;
import dev.inferencegateway.epp.core.plugin.PluginRegistry;
import dev.inferencegateway.epp.core.plugin.Stability;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.requestcontrol.DataProducer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates plugin instances through the registry: the configured ones in order, then those the
 * loader adds by type name (system defaults, default data producers).
 *
 * <p>Parameters that a type forwards to its data producer (reference decision 4) are applied to
 * that producer, auto-created with them, with a deprecation warning.
 */
final class PluginInstantiator {
  private final PluginRegistry registry;
  private final LoaderOptions options;
  private final LoaderPluginHandle handle;
  private final ConfigErrors errors;
  private final WorkingConfig working;

  PluginInstantiator(PluginRegistry registry, LoaderOptions options, LoaderPluginHandle handle,
      ConfigErrors errors, WorkingConfig working) {
    this.registry = registry;
    this.options = options;
    this.handle = handle;
    this.errors = errors;
    this.working = working;
  }

  /** Returns the registry. */
  PluginRegistry registry() {
    return registry;
  }

  /** Creates every configured plugin in order, then the producers that receive forwarded parameters. */
  void instantiateConfigured() {
    Set<String> names = new HashSet<>();
    List<Forward> forwards = new ArrayList<>();
    for (int i = 0; i < working.plugins.size(); i++) {
      PluginSpec spec = working.plugins.get(i);
      String path = "plugins[" + i + "]";
      String name = spec.name() == null ? "" : spec.name();
      if (spec.type() == null || spec.type().isEmpty()) {
        throw errors.at(path, ConfigErrors.INSTANTIATION + "plugin '" + name + "' is missing a type");
      }
      if (!names.add(name)) {
        throw errors.at(path, ConfigErrors.INSTANTIATION + "duplicate plugin name '" + name + "'");
      }
      PluginDescriptor<?> descriptor = registry.find(spec.type()).orElseThrow(() -> errors.at(
          path + ".type", ConfigErrors.INSTANTIATION + "plugin type '" + spec.type() + "' is not registered"));
      JsonNode parameters = spec.parameters();
      if (descriptor.forwardsParametersTo().isPresent() && spec.hasParameters()) {
        forwards.add(new Forward(spec, descriptor.forwardsParametersTo().get(), path));
        parameters = null;
      }
      create(descriptor, name, parameters, path, ConfigErrors.INSTANTIATION, "");
    }
    for (Forward forward : forwards) {
      applyForward(forward);
    }
  }

  /**
   * Creates a plugin of {@code type} named after its type, with default parameters, and adds it
   * to the effective configuration.
   *
   * @param role the role the plugin must play
   * @param why what the plugin is needed for, used in errors
   */
  <T> T createDefault(String type, Class<T> role, String phase, String why) {
    PluginDescriptor<?> descriptor = registry.find(type).orElseThrow(() -> errors.at(null,
        phase + "plugin type '" + type + "' not found in registry (it is needed as " + why + ")"));
    handle.plugin(type).ifPresent(existing -> {
      throw errors.at(working.pluginPath(type), phase + "cannot create the default plugin '" + type
          + "' (needed as " + why + "): the name is already used by " + describe(existing));
    });
    Plugin plugin = create(descriptor, type, null, null, phase, "default ");
    if (!role.isInstance(plugin)) {
      throw errors.at(null, phase + "the default plugin '" + type + "' (needed as " + why
          + ") is not a " + role.getSimpleName());
    }
    working.plugins.add(new PluginSpec(type, type, null));
    return role.cast(plugin);
  }

  /** Returns {@code plugin 'name' (type: type)}. */
  static String describe(Plugin plugin) {
    TypedName t = plugin.typedName();
    return "plugin '" + t.name() + "' (type: " + t.type() + ")";
  }

  private void applyForward(Forward f) {
    String owner = "plugin '" + f.spec.name() + "' (type: " + f.spec.type() + ")";
    String parametersPath = f.path + ".parameters";
    for (DataProducer producer : handle.pluginsOf(DataProducer.class)) {
      if (!producer.produces().contains(f.key)) {
        continue;
      }
      String producerPath = working.pluginPath(producer.typedName().name());
      JsonNode applied = producerPath == null ? forwardedTo(producer) : null;
      if (applied != null && applied.equals(f.spec.parameters())) {
        warnForwarded(f, owner, producer);
        working.replaceParameters(f.spec.name(), null);
        return;
      }
      throw errors.at(parametersPath, ConfigErrors.INSTANTIATION + owner + " has parameters that belong"
          + " to the producer of " + f.key.name() + ", and " + describe(producer)
          + (applied != null ? " already received different parameters from another plugin"
              : " is configured too") + ": move the parameters to plugin '" + producer.typedName().name() + "'");
    }
    PluginDescriptor<?> descriptor = registry.defaultProducerFor(f.key).orElseThrow(() -> errors.at(
        parametersPath, ConfigErrors.INSTANTIATION + owner + " forwards its parameters to the producer of "
            + f.key.name() + ", but no default producer is registered for it"));
    String name = descriptor.type();
    handle.plugin(name).ifPresent(existing -> {
      throw errors.at(parametersPath, ConfigErrors.INSTANTIATION + "cannot create plugin '" + name
          + "' for the parameters of " + owner + ": the name is already used by " + describe(existing));
    });
    Plugin producer = create(descriptor, name, f.spec.parameters(), f.path,
        ConfigErrors.INSTANTIATION, "");
    working.plugins.add(new PluginSpec(name, name, f.spec.parameters()));
    working.replaceParameters(f.spec.name(), null);
    warnForwarded(f, owner, producer);
  }

  private JsonNode forwardedTo(DataProducer producer) {
    return working.plugins.stream().filter(p -> p.name().equals(producer.typedName().name()))
        .map(PluginSpec::parameters).findFirst().orElse(null);
  }

  private void warnForwarded(Forward f, String owner, Plugin producer) {
    handle.warn(errors.located(f.path + ".parameters", "DEPRECATION: the parameters of " + owner
        + " belong to its data producer; they were applied to " + describe(producer)
        + ". Move them to a plugin entry of type '" + producer.typedName().type() + "'"));
  }

  private Plugin create(PluginDescriptor<?> descriptor, String name, JsonNode parameters, String path,
      String phase, String adjective) {
    TypedName typedName = new TypedName(descriptor.type(), name);
    if (descriptor.stability() == Stability.ALPHA && !options.allowExperimentalPlugins()) {
      throw errors.at(path, phase + "plugin '" + name + "' (type: '" + descriptor.type()
          + "') has Alpha stability level, but command line flag --allow-experimental-plugins is not set");
    }
    descriptor.deprecation().ifPresent(d -> handle.warn(errors.located(path, deprecationNotice(typedName, d))));
    String failure = "failed to " + (adjective.isEmpty() ? "create plugin '" : "instantiate default plugin '")
        + name + "' (type: " + descriptor.type() + "): ";
    Plugin plugin;
    try {
      plugin = instantiate(descriptor, typedName, parameters);
    } catch (PluginParameterException e) {
      String prefix = "plugin '" + name + "' (type: " + descriptor.type() + "): ";
      String reason = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
      String fieldPath = path == null ? null
          : path + ".parameters" + (e.field().isEmpty() ? "" : fieldSuffix(e.field()));
      throw errors.at(fieldPath, phase + failure + reason, e);
    } catch (RuntimeException e) {
      String reason = e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage() : e.toString();
      throw errors.at(path == null ? null : path + ".parameters", phase + failure + reason, e);
    }
    if (plugin == null || !plugin.typedName().equals(typedName)) {
      throw errors.at(path, phase + failure + "the factory returned "
          + (plugin == null ? "null" : describe(plugin)) + " instead of a plugin named '" + name + "'");
    }
    handle.add(plugin);
    return plugin;
  }

  private <P> Plugin instantiate(PluginDescriptor<P> descriptor, TypedName typedName, JsonNode parameters) {
    P parsed = PluginParameters.parse(typedName, parameters, descriptor.parametersType());
    return descriptor.factory().create(typedName.name(), parsed, handle);
  }

  private static String fieldSuffix(String field) {
    return field.startsWith("[") ? field : "." + field;
  }

  private static String deprecationNotice(TypedName plugin, Deprecation d) {
    return "DEPRECATION: plugin '" + plugin.name() + "' uses type '" + plugin.type()
        + "', deprecated since " + d.since()
        + d.replacementType().map(r -> "; use type '" + r + "' instead").orElse("");
  }

  private record Forward(PluginSpec spec, DataKey<?> key, String path) {}
}
