package dev.inferencegateway.epp.core.plugin;

import java.util.Objects;
import java.util.Optional;

/**
 * The deprecation notice of a plugin type: since when, and which type replaces it.
 *
 * @param since the release that deprecated the type
 * @param replacementType the type to use instead, if any
 */
public record Deprecation(String since, Optional<String> replacementType) {
  public Deprecation {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(replacementType, "replacementType");
  }
}
