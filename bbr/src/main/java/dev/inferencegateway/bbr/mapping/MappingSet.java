package dev.inferencegateway.bbr.mapping;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One base model and some of its adapters, from one ConfigMap or one entry of the mapping file.
 *
 * @param source where the mapping comes from, for messages (e.g. {@code ConfigMap ns/name})
 * @param created when the source was created; older mappings win conflicts
 * @param position the entry's position within its source (for file entries), the next tie-breaker
 * @param baseModel the base model (trimmed, not empty)
 * @param adapters the adapter names (trimmed, not empty), in order
 */
public record MappingSet(String source, Instant created, int position, String baseModel, Set<String> adapters) {
  /** Oldest first, then by position, then by source name. */
  public static final Comparator<MappingSet> PRECEDENCE = Comparator.comparing(MappingSet::created)
      .thenComparingInt(MappingSet::position).thenComparing(MappingSet::source);

  public MappingSet {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(baseModel, "baseModel");
    adapters = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(adapters));
  }
}
