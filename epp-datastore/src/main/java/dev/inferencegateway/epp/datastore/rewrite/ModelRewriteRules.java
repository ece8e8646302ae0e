package dev.inferencegateway.epp.datastore.rewrite;

import dev.inferencegateway.epp.core.datastore.ModelRewrite;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model rewrite rules of a pool, indexed by upstream's precedence: a rule that names the model
 * exactly beats a generic rule; among either kind the oldest InferenceModelRewrite wins, then the
 * earlier rule in its list. Lookups are one hash probe.
 */
public final class ModelRewriteRules {
  /** No rules. */
  public static final ModelRewriteRules EMPTY = new ModelRewriteRules(List.of());

  private static final Comparator<RewriteRule> PRECEDENCE = Comparator
      .comparing(RewriteRule::created)
      .thenComparing(RewriteRule::rewriteName)
      .thenComparingInt(RewriteRule::ruleIndex);

  private final List<RewriteRule> rules;
  private final Map<String, ModelRewrite> exact;
  private final Optional<ModelRewrite> generic;

  private ModelRewriteRules(List<RewriteRule> sorted) {
    this.rules = List.copyOf(sorted);
    Map<String, ModelRewrite> byModel = new HashMap<>();
    ModelRewrite firstGeneric = null;
    for (RewriteRule rule : sorted) {
      if (rule.generic()) {
        if (firstGeneric == null) {
          firstGeneric = rule.toModelRewrite();
        }
        continue;
      }
      ModelRewrite rewrite = rule.toModelRewrite();
      for (String model : rule.exactModels()) {
        byModel.putIfAbsent(model, rewrite);
      }
    }
    this.exact = Map.copyOf(byModel);
    this.generic = Optional.ofNullable(firstGeneric);
  }

  /** Indexes {@code rules} in precedence order. */
  public static ModelRewriteRules of(Collection<RewriteRule> rules) {
    List<RewriteRule> sorted = new ArrayList<>(rules);
    sorted.sort(PRECEDENCE);
    return sorted.isEmpty() ? EMPTY : new ModelRewriteRules(sorted);
  }

  /** Returns the rule that applies to {@code model}, by precedence. */
  public Optional<ModelRewrite> find(String model) {
    ModelRewrite match = exact.get(model);
    return match != null ? Optional.of(match) : generic;
  }

  /** Returns every rule in precedence order. */
  public List<RewriteRule> rules() {
    return rules;
  }
}
