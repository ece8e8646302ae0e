package dev.inferencegateway.epp.core.endpoint;

import dev.inferencegateway.epp.core.plugin.DataKey;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A per-request, typed attribute store attached to one endpoint, written by data producers and
 * read by filters and scorers.
 *
 * <p>Instances are confined to one request; they are not thread-safe.
 */
public final class AttributeMap {
  private final Map<DataKey<?>, Object> values;

  /** Creates an empty map. */
  public AttributeMap() {
    this.values = new HashMap<>(4);
  }

  private AttributeMap(Map<DataKey<?>, Object> values) {
    this.values = new HashMap<>(values);
  }

  /** Returns the value stored under {@code key}. */
  public <T> Optional<T> get(DataKey<T> key) {
    return Optional.ofNullable(key.type().cast(values.get(key)));
  }

  /** Stores {@code value} under {@code key}, replacing any previous value. */
  public <T> void put(DataKey<T> key, T value) {
    values.put(key, key.type().cast(value));
  }

  /** Returns the keys present. */
  public Set<DataKey<?>> keys() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /** Returns an independent copy. */
  public AttributeMap copy() {
    return new AttributeMap(values);
  }
}
