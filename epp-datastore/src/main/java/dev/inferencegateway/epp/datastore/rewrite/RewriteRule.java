package dev.inferencegateway.epp.datastore.rewrite;

import dev.inferencegateway.epp.core.datastore.ModelRewrite;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One rule of an InferenceModelRewrite.
 *
 * @param rewriteName the {@code metadata.name} of the InferenceModelRewrite
 * @param created the resource's {@code creationTimestamp}
 * @param ruleIndex the rule's position in {@code spec.rules}
 * @param exactModels the models matched exactly; empty for a generic rule that matches any model
 * @param targets the weighted targets, in order
 */
public record RewriteRule(String rewriteName, Instant created, int ruleIndex, Set<String> exactModels,
    List<ModelRewrite.Target> targets) {
  public RewriteRule {
    Objects.requireNonNull(rewriteName, "rewriteName");
    Objects.requireNonNull(created, "created");
    exactModels = Set.copyOf(exactModels);
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a rewrite rule needs at least one target");
    }
  }

  /** Returns true when the rule has no match and so applies to every model. */
  public boolean generic() {
    return exactModels.isEmpty();
  }

  ModelRewrite toModelRewrite() {
    return new ModelRewrite(rewriteName, targets);
  }
}
