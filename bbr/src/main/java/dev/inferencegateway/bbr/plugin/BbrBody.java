package dev.inferencegateway.bbr.plugin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A JSON request body that is parsed only as far as the plugins need.
 *
 * <p>The top-level fields that the configured request processors declare in
 * {@link RequestProcessor#bodyFields()} are collected in the single streaming pass that also
 * validates the body; reading any other field, or the {@link #tree()}, parses the body fully once.
 * After {@link #edit()} the body is re-serialised when the request is forwarded; otherwise the
 * received bytes are forwarded unchanged.
 */
public interface BbrBody {
  /** Returns the top-level field {@code name}, empty when the body has no such field. */
  Optional<BodyField> field(String name);

  /** Returns the whole body as a tree, parsed on first use; do not modify it (use {@link #edit()}). */
  ObjectNode tree();

  /** Returns the body tree for modification and marks the body as mutated. */
  ObjectNode edit();

  /** Returns true once a plugin has asked to modify the body. */
  boolean mutated();
}
