package dev.inferencegateway.epp.core.requestcontrol;

import dev.inferencegateway.epp.core.plugin.DataKey;
import java.util.Set;

/**
 * A plugin that reads per-request data produced by a {@link DataProducer}; the config loader
 * checks that every consumed key has a producer, creating the registered default producer when
 * none is configured.
 */
public interface DataConsumer {
  /** Returns the keys this plugin reads; empty by default. */
  default Set<DataKey<?>> consumes() {
    return Set.of();
  }
}
