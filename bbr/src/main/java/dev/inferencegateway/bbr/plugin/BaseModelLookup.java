package dev.inferencegateway.bbr.plugin;

import java.util.Optional;

/** Maps a model name (a base model or a LoRA adapter) to the base model that serves it. */
@FunctionalInterface
public interface BaseModelLookup {
  /** A lookup that knows no model. */
  BaseModelLookup NONE = model -> Optional.empty();

  /**
   * Returns the base model of {@code model}: the base of an adapter, the model itself for a known
   * base model, empty for an unknown name. Surrounding whitespace in {@code model} is ignored.
   */
  Optional<String> baseModelOf(String model);
}
