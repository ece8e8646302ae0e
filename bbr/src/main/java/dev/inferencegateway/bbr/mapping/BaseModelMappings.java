package dev.inferencegateway.bbr.mapping;

import dev.inferencegateway.bbr.plugin.BaseModelLookup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current adapter-to-base-model mappings from all sources, as an immutable index swapped on
 * every change, so lookups never lock.
 *
 * <p>Each source (a ConfigMap, the mapping file) owns a list of {@link MappingSet}s and replaces it
 * as a whole. A base model maps to itself; several sets may share a base model. A name mapped to
 * different base models is a {@link MappingConflict}: the set that comes first by
 * {@link MappingSet#PRECEDENCE} (oldest, then position, then source name) wins.
 */
public final class BaseModelMappings implements BaseModelLookup {
  private final MappingProblems problems;
  private final Map<String, List<MappingSet>> bySource = new LinkedHashMap<>();
  private volatile Map<String, String> index = Map.of();
  private volatile List<MappingConflict> conflicts = List.of();

  /** Creates an empty store that reports conflicts to {@code problems}. */
  public BaseModelMappings(MappingProblems problems) {
    this.problems = problems;
  }

  /** Replaces the sets owned by {@code owner}; an empty collection removes them. */
  public synchronized void replace(String owner, Collection<MappingSet> sets) {
    if (sets.isEmpty()) {
      if (bySource.remove(owner) == null) {
        return;
      }
    } else {
      bySource.put(owner, List.copyOf(sets));
    }
    rebuild();
  }

  /** Returns true when {@code owner} currently contributes mappings. */
  public synchronized boolean has(String owner) {
    return bySource.containsKey(owner);
  }

  @Override
  public Optional<String> baseModelOf(String model) {
    return Optional.ofNullable(index.get(model.strip()));
  }

  /** Returns the current conflicts. */
  public List<MappingConflict> conflicts() {
    return conflicts;
  }

  /** Returns every known name with its base model. */
  public Map<String, String> snapshot() {
    return index;
  }

  private void rebuild() {
    List<MappingSet> ordered = new ArrayList<>();
    bySource.values().forEach(ordered::addAll);
    ordered.sort(MappingSet.PRECEDENCE);
    Map<String, String> names = new HashMap<>();
    Map<String, String> owners = new HashMap<>();
    List<MappingConflict> found = new ArrayList<>();
    for (MappingSet set : ordered) {
      claim(set.baseModel(), set, names, owners, found);
      for (String adapter : set.adapters()) {
        claim(adapter, set, names, owners, found);
      }
    }
    List<MappingConflict> previous = conflicts;
    index = Map.copyOf(names);
    conflicts = List.copyOf(found);
    problems.conflicts(previous, conflicts);
  }

  private static void claim(String name, MappingSet set, Map<String, String> names, Map<String, String> owners,
      List<MappingConflict> conflicts) {
    String existing = names.putIfAbsent(name, set.baseModel());
    if (existing == null) {
      owners.put(name, set.source());
    } else if (!existing.equals(set.baseModel())) {
      conflicts.add(new MappingConflict(name, owners.get(name), existing, set.source(), set.baseModel()));
    }
  }
}
