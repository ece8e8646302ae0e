package dev.inferencegateway.epp.datastore;

import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoints of the pool, grouped by the owner that contributed them, with add/remove
 * notifications. Writers serialise on one lock; readers see an immutable sorted array.
 */
final class EndpointTable implements EndpointEvents {
  private static final Logger LOG = LoggerFactory.getLogger(EndpointTable.class);
  private static final TrackedEndpoint[] NONE = new TrackedEndpoint[0];

  private final Object lock = new Object();
  private final Map<String, TrackedEndpoint> byName = new HashMap<>();
  private final Map<String, String> ownerByName = new HashMap<>();
  private final Map<String, List<String>> namesByOwner = new HashMap<>();
  private final List<EndpointListener> listeners = new CopyOnWriteArrayList<>();
  private volatile TrackedEndpoint[] sorted = NONE;

  @Override
  public void addEndpointListener(EndpointListener listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (lock) {
      listeners.add(listener);
      for (TrackedEndpoint endpoint : sorted) {
        listener.endpointAdded(endpoint);
      }
    }
  }

  @Override
  public void removeEndpointListener(EndpointListener listener) {
    synchronized (lock) {
      listeners.remove(listener);
    }
  }

  List<EndpointSnapshot> snapshots() {
    TrackedEndpoint[] current = sorted;
    List<EndpointSnapshot> out = new ArrayList<>(current.length);
    for (TrackedEndpoint endpoint : current) {
      out.add(endpoint.snapshot());
    }
    return out;
  }

  List<TrackedEndpoint> tracked() {
    return List.of(sorted);
  }

  int size() {
    return sorted.length;
  }

  Optional<TrackedEndpoint> get(String name) {
    synchronized (lock) {
      return Optional.ofNullable(byName.get(name));
    }
  }

  void set(String owner, Collection<EndpointMetadata> endpoints) {
    synchronized (lock) {
      if (apply(owner, endpoints)) {
        publish();
      }
    }
  }

  void replaceAll(Map<String, ? extends Collection<EndpointMetadata>> byOwner) {
    synchronized (lock) {
      boolean changed = false;
      for (String owner : List.copyOf(namesByOwner.keySet())) {
        if (!byOwner.containsKey(owner)) {
          changed |= apply(owner, List.of());
        }
      }
      for (Map.Entry<String, ? extends Collection<EndpointMetadata>> e : byOwner.entrySet()) {
        changed |= apply(e.getKey(), e.getValue());
      }
      if (changed) {
        publish();
      }
    }
  }

  void clear() {
    replaceAll(Map.of());
  }

  private boolean apply(String owner, Collection<EndpointMetadata> endpoints) {
    Map<String, EndpointMetadata> wanted = new LinkedHashMap<>();
    for (EndpointMetadata metadata : endpoints) {
      String holder = ownerByName.get(metadata.name());
      if (holder != null && !holder.equals(owner)) {
        LOG.warn("Endpoint {} of {} ignored: the name is already used by {}", metadata.name(), owner, holder);
        continue;
      }
      wanted.put(metadata.name(), metadata);
    }
    boolean changed = false;
    List<String> previous = namesByOwner.getOrDefault(owner, List.of());
    for (String name : previous) {
      if (!wanted.containsKey(name)) {
        remove(name);
        changed = true;
      }
    }
    for (EndpointMetadata metadata : wanted.values()) {
      TrackedEndpoint existing = byName.get(metadata.name());
      if (existing != null && sameTarget(existing.metadata(), metadata)) {
        existing.metadata(metadata);
        continue;
      }
      if (existing != null) {
        remove(metadata.name());
      }
      add(owner, metadata);
      changed = true;
    }
    if (wanted.isEmpty()) {
      namesByOwner.remove(owner);
    } else {
      namesByOwner.put(owner, List.copyOf(wanted.keySet()));
    }
    return changed;
  }

  private void add(String owner, EndpointMetadata metadata) {
    TrackedEndpoint endpoint = new TrackedEndpoint(metadata);
    byName.put(metadata.name(), endpoint);
    ownerByName.put(metadata.name(), owner);
    LOG.info("Endpoint added: {} ({}, metrics at {})", metadata.name(), metadata.hostPort(), metadata.metricsHost());
    for (EndpointListener listener : listeners) {
      notify(() -> listener.endpointAdded(endpoint));
    }
  }

  private void remove(String name) {
    TrackedEndpoint endpoint = byName.remove(name);
    ownerByName.remove(name);
    if (endpoint == null) {
      return;
    }
    endpoint.markRemoved();
    LOG.info("Endpoint removed: {}", name);
    for (EndpointListener listener : listeners) {
      notify(() -> listener.endpointRemoved(endpoint));
    }
  }

  private static void notify(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      LOG.error("Endpoint listener failed", e);
    }
  }

  private void publish() {
    TrackedEndpoint[] next = byName.values().toArray(NONE);
    java.util.Arrays.sort(next, Comparator.comparing(TrackedEndpoint::name));
    sorted = next;
  }

  private static boolean sameTarget(EndpointMetadata a, EndpointMetadata b) {
    return a.address().equals(b.address()) && a.port() == b.port()
        && a.metricsHost().equals(b.metricsHost()) && a.namespace().equals(b.namespace())
        && a.podName().equals(b.podName());
  }
}
