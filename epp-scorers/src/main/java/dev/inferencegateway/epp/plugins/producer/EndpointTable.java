package dev.inferencegateway.epp.plugins.producer;

import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A thread-safe map from an endpoint's namespace and name to per-endpoint state.
 *
 * <p>Lookups allocate nothing: the two-level map avoids building a {@code namespace/name} key per
 * call, which matters when every request looks up every candidate.
 *
 * @param <V> the state type
 */
public final class EndpointTable<V> {
  /** How often stateful producers drop endpoints that are no longer in the datastore. */
  public static final Duration PURGE_INTERVAL = Duration.ofMinutes(2);

  private final ConcurrentHashMap<String, ConcurrentHashMap<String, V>> byNamespace =
      new ConcurrentHashMap<>();

  /** Returns the state of {@code endpoint}, or null when there is none. */
  public V get(EndpointMetadata endpoint) {
    Map<String, V> names = byNamespace.get(endpoint.namespace());
    return names == null ? null : names.get(endpoint.name());
  }

  /** Returns the state of {@code endpoint}, creating it with {@code factory} when absent. */
  public V computeIfAbsent(EndpointMetadata endpoint, Function<EndpointMetadata, V> factory) {
    V existing = get(endpoint);
    if (existing != null) {
      return existing;
    }
    return byNamespace.computeIfAbsent(endpoint.namespace(), ns -> new ConcurrentHashMap<>())
        .computeIfAbsent(endpoint.name(), name -> factory.apply(endpoint));
  }

  /** Returns the number of endpoints with state. */
  public int size() {
    int size = 0;
    for (Map<String, V> names : byNamespace.values()) {
      size += names.size();
    }
    return size;
  }

  /**
   * Removes the state of every endpoint that is not in {@code current}.
   *
   * @return the removed states
   */
  public List<V> retainOnly(List<EndpointSnapshot> current) {
    Map<String, Set<String>> keep = new HashMap<>();
    for (EndpointSnapshot snapshot : current) {
      keep.computeIfAbsent(snapshot.metadata().namespace(), ns -> new HashSet<>())
          .add(snapshot.metadata().name());
    }
    List<V> removed = new ArrayList<>();
    byNamespace.forEach((namespace, names) -> {
      Set<String> kept = keep.getOrDefault(namespace, Set.of());
      names.entrySet().removeIf(entry -> {
        if (kept.contains(entry.getKey())) {
          return false;
        }
        removed.add(entry.getValue());
        return true;
      });
    });
    return removed;
  }
}
