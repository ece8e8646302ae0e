package dev.inferencegateway.epp.core.plugin;

import java.util.Objects;

/**
 * A typed key for data that one plugin produces and others consume, e.g. the prefix-cache
 * match of each endpoint.
 *
 * <p>Two keys are equal when their names are equal; the loader rejects a consumer whose key type
 * differs from the producer's.
 *
 * @param name the stable name, e.g. {@code PrefixCacheMatchInfo}
 * @param type the value type
 * @param <T> the value type
 */
public record DataKey<T>(String name, Class<T> type) {
  public DataKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** Creates a key. */
  public static <T> DataKey<T> of(String name, Class<T> type) {
    return new DataKey<>(name, type);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataKey<?> other && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name + "<" + type.getSimpleName() + ">";
  }
}
