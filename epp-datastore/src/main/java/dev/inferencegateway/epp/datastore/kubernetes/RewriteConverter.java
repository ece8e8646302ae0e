package dev.inferencegateway.epp.datastore.kubernetes;

import dev.inferencegateway.epp.core.datastore.ModelRewrite;
import dev.inferencegateway.epp.datastore.rewrite.RewriteRule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the rules of an InferenceModelRewrite. A rule that cannot be used (no target, a match
 * that is not {@code Exact}, a weight out of 1..1000000) is left out and reported; the others
 * apply. A target without weight weighs 0, so targets without weights split traffic evenly.
 */
final class RewriteConverter {
  /** The usable rules and the problems of the others. */
  record Converted(List<RewriteRule> rules, List<String> problems) {}

  private RewriteConverter() {}

  static Converted convert(GenericKubernetesResource resource) {
    String name = resource.getMetadata().getName();
    Instant created = CustomResources.created(resource);
    Map<String, Object> spec = CustomResources.map(resource.getAdditionalProperties().get("spec"));
    List<Object> rules = CustomResources.list(spec == null ? null : spec.get("rules"));
    List<RewriteRule> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (rules == null) {
      problems.add("spec.rules is missing");
      return new Converted(out, problems);
    }
    for (int i = 0; i < rules.size(); i++) {
      try {
        out.add(rule(name, created, i, CustomResources.map(rules.get(i))));
      } catch (IllegalArgumentException e) {
        problems.add("spec.rules[" + i + "]: " + e.getMessage());
      }
    }
    return new Converted(out, problems);
  }

  private static RewriteRule rule(String name, Instant created, int index, Map<String, Object> rule) {
    if (rule == null) {
      throw new IllegalArgumentException("not an object");
    }
    Set<String> models = new LinkedHashSet<>();
    List<Object> matches = CustomResources.list(rule.get("matches"));
    for (int j = 0; matches != null && j < matches.size(); j++) {
      Map<String, Object> model = CustomResources.map(CustomResources.map(matches.get(j)) == null ? null
          : CustomResources.map(matches.get(j)).get("model"));
      String type = CustomResources.string(model, "type");
      String value = CustomResources.string(model, "value");
      if (type != null && !type.isEmpty() && !type.equals("Exact")) {
        throw new IllegalArgumentException("matches[" + j + "].model.type \"" + type + "\" is not supported");
      }
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("matches[" + j + "].model.value is missing");
      }
      models.add(value);
    }
    List<Object> targets = CustomResources.list(rule.get("targets"));
    if (targets == null || targets.isEmpty()) {
      throw new IllegalArgumentException("targets is empty");
    }
    List<ModelRewrite.Target> out = new ArrayList<>();
    for (int k = 0; k < targets.size(); k++) {
      Map<String, Object> target = CustomResources.map(targets.get(k));
      String model = CustomResources.string(target, "modelRewrite");
      if (model == null || model.isEmpty()) {
        throw new IllegalArgumentException("targets[" + k + "].modelRewrite is missing");
      }
      Integer weight = CustomResources.integer(target, "weight");
      if (weight != null && (weight < 1 || weight > 1_000_000)) {
        throw new IllegalArgumentException("targets[" + k + "].weight must be in 1..1000000, got " + weight);
      }
      out.add(new ModelRewrite.Target(model, weight == null ? 0 : weight));
    }
    return new RewriteRule(name, created, index, models, out);
  }
}
