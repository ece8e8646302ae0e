package dev.inferencegateway.epp.core.request;

import dev.inferencegateway.epp.core.plugin.DataKey;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-request store in which plugins pass data between extension points (for example from
 * data preparation to {@code PreRequest}); it lives as long as the request.
 */
public final class RequestState {
  private final ConcurrentHashMap<DataKey<?>, Object> values = new ConcurrentHashMap<>(4);

  /** Returns the value stored under {@code key}. */
  public <T> Optional<T> get(DataKey<T> key) {
    return Optional.ofNullable(key.type().cast(values.get(key)));
  }

  /** Stores {@code value} under {@code key}. */
  public <T> void put(DataKey<T> key, T value) {
    values.put(key, key.type().cast(value));
  }

  /** Removes and returns the value stored under {@code key}. */
  public <T> Optional<T> remove(DataKey<T> key) {
    return Optional.ofNullable(key.type().cast(values.remove(key)));
  }
}
