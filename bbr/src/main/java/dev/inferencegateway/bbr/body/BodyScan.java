package dev.inferencegateway.bbr.body;

import dev.inferencegateway.bbr.plugin.BodyField;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The result of one streaming pass over a request body.
 *
 * @param collected the names of the fields the pass looked for
 * @param found the values of those fields that the body has (the last occurrence of a repeated name)
 * @param validated true when the whole body was checked to be one JSON object; false when the pass
 *     stopped once every collected field was found
 */
public record BodyScan(Set<String> collected, Map<String, BodyField> found, boolean validated) {
  public BodyScan {
    collected = Set.copyOf(collected);
    found = Map.copyOf(found);
  }

  /** Returns true when the pass looked for {@code name}, so {@link #field} answers for it. */
  public boolean covers(String name) {
    return collected.contains(name);
  }

  /** Returns the value of a collected field, empty when the body does not have it. */
  public Optional<BodyField> field(String name) {
    return Optional.ofNullable(found.get(name));
  }
}
