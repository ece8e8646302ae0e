package dev.inferencegateway.epp.core.endpoint;

import dev.inferencegateway.epp.core.plugin.DataKey;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A per-request, typed attribute store attached to one endpoint, written by data producers and
 * read by filters and scorers.
 *
 * <p>Instances are confined to one request; they are not thread-safe.
 */
public final class AttributeMap {
  /* The first entry lives in two fields and any further ones in a small array of interleaved
     keys and values, searched linearly: an endpoint carries a handful of attributes at most, and
     every request creates one map per candidate, so the common single attribute costs no array. */
  private DataKey<?> firstKey;
  private Object firstValue;
  private Object[] slots;
  private int size;

  /** Creates an empty map. */
  public AttributeMap() {}

  private AttributeMap(DataKey<?> firstKey, Object firstValue, Object[] slots, int size) {
    this.firstKey = firstKey;
    this.firstValue = firstValue;
    this.slots = slots;
    this.size = size;
  }

  /** Returns the value stored under {@code key}. */
  public <T> Optional<T> get(DataKey<T> key) {
    if (isFirst(key)) {
      return Optional.of(key.type().cast(firstValue));
    }
    int index = indexOf(key);
    return index < 0 ? Optional.empty() : Optional.of(key.type().cast(slots[index + 1]));
  }

  /** Stores {@code value} under {@code key}, replacing any previous value. */
  public <T> void put(DataKey<T> key, T value) {
    Object checked = key.type().cast(value);
    if (firstKey == null || isFirst(key)) {
      firstKey = key;
      firstValue = checked;
      return;
    }
    int index = indexOf(key);
    if (index >= 0) {
      slots[index + 1] = checked;
      return;
    }
    if (slots == null) {
      slots = new Object[4];
    } else if (2 * size == slots.length) {
      slots = Arrays.copyOf(slots, slots.length * 2);
    }
    slots[2 * size] = key;
    slots[2 * size + 1] = checked;
    size++;
  }

  /** Returns the keys present, in insertion order. */
  public Set<DataKey<?>> keys() {
    Set<DataKey<?>> keys = new LinkedHashSet<>();
    if (firstKey != null) {
      keys.add(firstKey);
    }
    for (int i = 0; i < size; i++) {
      keys.add((DataKey<?>) slots[2 * i]);
    }
    return keys;
  }

  /** Returns an independent copy. */
  public AttributeMap copy() {
    return new AttributeMap(firstKey, firstValue, slots == null ? null : slots.clone(), size);
  }

  private boolean isFirst(DataKey<?> key) {
    return firstKey != null && (firstKey == key || firstKey.equals(key));
  }

  private int indexOf(DataKey<?> key) {
    for (int i = 0; i < size; i++) {
      Object candidate = slots[2 * i];
      if (candidate == key || candidate.equals(key)) {
        return 2 * i;
      }
    }
    return -1;
  }
}
