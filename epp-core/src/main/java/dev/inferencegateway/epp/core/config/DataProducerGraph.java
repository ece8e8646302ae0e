package dev.inferencegateway.epp.core.config;

import dev.inferencegateway.epp.core.plugin.DataKey;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.requestcontrol.DataConsumer;
import dev.inferencegateway.epp.core.requestcontrol.DataProducer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data dependencies between plugins: every key a {@link DataConsumer} reads must have exactly
 * one {@link DataProducer} of a compatible type, missing producers are created from their default
 * registration, and the producers run in dependency order (a cycle is an error naming it).
 */
final class DataProducerGraph {
  private final LoaderPluginHandle handle;
  private final PluginInstantiator instantiator;
  private final WorkingConfig working;
  private final ConfigErrors errors;

  DataProducerGraph(LoaderPluginHandle handle, PluginInstantiator instantiator, WorkingConfig working,
      ConfigErrors errors) {
    this.handle = handle;
    this.instantiator = instantiator;
    this.working = working;
    this.errors = errors;
  }

  /**
   * Creates missing producers, validates the graph and returns the producers in execution order.
   *
   * @throws ConfigException for a key nobody can produce, duplicate producers, a type mismatch or a cycle
   */
  List<DataProducer> resolve() {
    createMissingProducers();
    Map<String, DataProducer> producerOf = producersByKey();
    Map<DataProducer, List<DataProducer>> dependencies = new LinkedHashMap<>();
    for (DataProducer producer : handle.pluginsOf(DataProducer.class)) {
      dependencies.put(producer, new ArrayList<>());
    }
    for (Plugin plugin : handle.plugins().values()) {
      if (!(plugin instanceof DataConsumer consumer)) {
        continue;
      }
      for (DataKey<?> consumed : sorted(consumer)) {
        DataProducer producer = producerOf.get(consumed.name());
        DataKey<?> produced = producer.produces().stream()
            .filter(consumed::equals).findFirst().orElseThrow();
        if (!consumed.type().isAssignableFrom(produced.type())) {
          throw errors.at(working.pluginPath(plugin.typedName().name()), ConfigErrors.DATA_DEPENDENCIES
              + "data type mismatch between produced and consumed data for key: " + consumed.name() + " ("
              + PluginInstantiator.describe(producer) + " produces " + produced.type().getSimpleName() + ", "
              + PluginInstantiator.describe(plugin) + " consumes " + consumed.type().getSimpleName() + ")");
        }
        if (plugin instanceof DataProducer dependent && dependent != producer) {
          dependencies.get(dependent).add(producer);
        }
      }
    }
    return order(dependencies);
  }

  private void createMissingProducers() {
    boolean created = true;
    while (created) {
      created = false;
      Map<String, DataProducer> producerOf = producersByKey();
      for (Plugin plugin : handle.plugins().values()) {
        if (!(plugin instanceof DataConsumer consumer)) {
          continue;
        }
        for (DataKey<?> key : sorted(consumer)) {
          if (producerOf.containsKey(key.name())) {
            continue;
          }
          String consumerText = PluginInstantiator.describe(plugin);
          Optional<PluginDescriptor<?>> descriptor = instantiator.registry().defaultProducerFor(key);
          if (descriptor.isEmpty()) {
            throw errors.at(working.pluginPath(plugin.typedName().name()), ConfigErrors.DATA_DEPENDENCIES
                + consumerText + " consumes " + key.name() + ", but no plugin produces it and no default"
                + " producer is registered for it");
          }
          DataProducer producer = instantiator.createDefault(descriptor.get().type(), DataProducer.class,
              ConfigErrors.DATA_DEPENDENCIES, "the default producer of " + key.name() + " consumed by " + consumerText);
          if (!producer.produces().contains(key)) {
            throw errors.at(null, ConfigErrors.DATA_DEPENDENCIES + "instantiated default data producer '"
                + producer.typedName().type() + "' does not produce registered key '" + key.name() + "'");
          }
          created = true;
          break;
        }
        if (created) {
          break;
        }
      }
    }
  }

  private Map<String, DataProducer> producersByKey() {
    Map<String, DataProducer> producerOf = new HashMap<>();
    for (DataProducer producer : handle.pluginsOf(DataProducer.class)) {
      for (DataKey<?> key : producer.produces()) {
        DataProducer other = producerOf.putIfAbsent(key.name(), producer);
        if (other != null) {
          throw errors.at(working.pluginPath(producer.typedName().name()), ConfigErrors.DATA_DEPENDENCIES
              + "data key " + key.name() + " is produced by both " + PluginInstantiator.describe(other)
              + " and " + PluginInstantiator.describe(producer) + "; configure only one of them");
        }
      }
    }
    return producerOf;
  }

  private List<DataProducer> order(Map<DataProducer, List<DataProducer>> dependencies) {
    List<DataProducer> ordered = new ArrayList<>();
    Map<DataProducer, Boolean> done = new HashMap<>();
    for (DataProducer producer : dependencies.keySet()) {
      visit(producer, dependencies, done, new ArrayDeque<>(), ordered);
    }
    return List.copyOf(ordered);
  }

  private void visit(DataProducer producer, Map<DataProducer, List<DataProducer>> dependencies,
      Map<DataProducer, Boolean> done, Deque<DataProducer> stack, List<DataProducer> ordered) {
    Boolean state = done.get(producer);
    if (Boolean.TRUE.equals(state)) {
      return;
    }
    if (Boolean.FALSE.equals(state)) {
      List<String> cycle = new ArrayList<>();
      boolean inCycle = false;
      for (DataProducer p : stack.reversed()) {
        inCycle |= p == producer;
        if (inCycle) {
          cycle.add(p.typedName().name());
        }
      }
      cycle.add(producer.typedName().name());
      throw errors.at(working.pluginPath(producer.typedName().name()), ConfigErrors.DATA_DEPENDENCIES
          + "cycle detected: graph is not a DAG: " + String.join(" -> ", cycle));
    }
    done.put(producer, false);
    stack.push(producer);
    for (DataProducer dependency : dependencies.get(producer)) {
      visit(dependency, dependencies, done, stack, ordered);
    }
    stack.pop();
    done.put(producer, true);
    ordered.add(producer);
  }

  private static List<DataKey<?>> sorted(DataConsumer consumer) {
    return consumer.consumes().stream().sorted(Comparator.comparing(DataKey::name)).toList();
  }
}
