package dev.inferencegateway.epp.plugins.scorer;

import dev.inferencegateway.epp.core.scheduling.Scorer;
import dev.inferencegateway.epp.core.scheduling.ScorerCategory;
import dev.inferencegateway.epp.plugins.NamedPlugin;

/** The base of the built-in scorers: name and category. */
public abstract class ScorerBase extends NamedPlugin implements Scorer {
  private final ScorerCategory category;

  /** Creates a scorer of registered type {@code type} named {@code name}. */
  protected ScorerBase(String type, String name, ScorerCategory category) {
    super(type, name);
    this.category = category;
  }

  @Override
  public final ScorerCategory category() {
    return category;
  }
}
