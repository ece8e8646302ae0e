package dev.inferencegateway.epp.core.scheduling;

import dev.inferencegateway.epp.core.plugin.DataKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A typed scratch store shared by the plugins of one scheduling cycle; confined to its thread. */
public final class CycleState {
  private final Map<DataKey<?>, Object> values = new HashMap<>(4);

  /** Returns the value stored under {@code key}. */
  public <T> Optional<T> get(DataKey<T> key) {
    return Optional.ofNullable(key.type().cast(values.get(key)));
  }

  /** Stores {@code value} under {@code key}. */
  public <T> void put(DataKey<T> key, T value) {
    values.put(key, key.type().cast(value));
  }
}
