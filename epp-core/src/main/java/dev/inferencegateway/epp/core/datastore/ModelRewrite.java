package dev.inferencegateway.epp.core.datastore;

import java.util.List;
import java.util.Objects;

/**
 * The InferenceModelRewrite rule that applies to a model: the rewrite's name and the weighted
 * targets to choose from.
 *
 * @param rewriteName the {@code metadata.name} of the InferenceModelRewrite
 * @param targets the targets with their weights, in rule order
 */
public record ModelRewrite(String rewriteName, List<Target> targets) {
  public ModelRewrite {
    Objects.requireNonNull(rewriteName, "rewriteName");
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a model rewrite needs at least one target");
    }
  }

  /**
   * One rewrite target.
   *
   * @param model the model name to send to the model server
   * @param weight the relative weight, 0 or more
   */
  public record Target(String model, int weight) {
    public Target {
      Objects.requireNonNull(model, "model");
      if (weight < 0) {
        throw new IllegalArgumentException("weight must be >= 0");
      }
    }
  }
}
