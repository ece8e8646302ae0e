package dev.inferencegateway.epp.datastore.prometheus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The metric families materialised from one exposition, by family name. */
public final class MetricFamilies {
  /** No families. */
  public static final MetricFamilies EMPTY = new MetricFamilies(Map.of());

  private final Map<String, MetricFamily> byName;

  /** Creates the result from families keyed by name. */
  public MetricFamilies(Map<String, MetricFamily> byName) {
    this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
  }

  /** Returns the family named {@code name}, if it was present and selected. */
  public Optional<MetricFamily> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Returns the names of the families present. */
  public Set<String> names() {
    return byName.keySet();
  }

  /** Returns the number of families present. */
  public int size() {
    return byName.size();
  }

  @Override
  public String toString() {
    return "MetricFamilies" + byName.keySet();
  }
}
