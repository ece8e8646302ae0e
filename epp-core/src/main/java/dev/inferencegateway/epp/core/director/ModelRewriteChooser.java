package dev.inferencegateway.epp.core.director;

import dev.inferencegateway.epp.core.datastore.ModelRewrite;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Picks one target of an InferenceModelRewrite rule: weighted random over the targets' weights,
 * uniform when all weights are zero.
 */
final class ModelRewriteChooser {
  private final RandomGenerator random;

  ModelRewriteChooser(RandomGenerator random) {
    this.random = random;
  }

  String choose(ModelRewrite rewrite) {
    List<ModelRewrite.Target> targets = rewrite.targets();
    long total = 0;
    for (ModelRewrite.Target target : targets) {
      total += target.weight();
    }
    if (total == 0) {
      return targets.get(random.nextInt(targets.size())).model();
    }
    long point = random.nextLong(total);
    for (ModelRewrite.Target target : targets) {
      point -= target.weight();
      if (point < 0) {
        return target.model();
      }
    }
    return targets.get(targets.size() - 1).model();
  }
}
