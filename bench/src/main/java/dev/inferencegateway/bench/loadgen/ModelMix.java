package dev.inferencegateway.bench.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** A weighted list of model names (base models and LoRA adapters) that requests are drawn from. */
public final class ModelMix {
  private final List<String> names;
  private final double[] cumulative;

  private ModelMix(List<String> names, List<Double> weights) {
    this.names = List.copyOf(names);
    this.cumulative = new double[weights.size()];
    double total = weights.stream().mapToDouble(Double::doubleValue).sum();
    double sum = 0;
    for (int i = 0; i < weights.size(); i++) {
      sum += weights.get(i) / total;
      cumulative[i] = sum;
    }
  }

  /** One model only. */
  public static ModelMix single(String model) {
    return new ModelMix(List.of(model), List.of(1.0));
  }

  /**
   * Parses entries {@code name} or {@code name=weight} (weight > 0, default 1), e.g.
   * {@code food-review-1=3}, {@code meta-llama/Llama-3.1-8B-Instruct=1}.
   */
  public static ModelMix parse(List<String> entries) {
    if (entries == null || entries.isEmpty()) {
      throw new IllegalArgumentException("at least one model is required");
    }
    List<String> names = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (String entry : entries) {
      int eq = entry.lastIndexOf('=');
      String name = (eq < 0 ? entry : entry.substring(0, eq)).trim();
      double weight;
      try {
        weight = eq < 0 ? 1 : Double.parseDouble(entry.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        weight = -1;
      }
      if (name.isEmpty() || !(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("invalid model entry '" + entry + "' (expected name or name=weight,"
            + " weight > 0)");
      }
      names.add(name);
      weights.add(weight);
    }
    return new ModelMix(names, weights);
  }

  /** Draws a model. */
  public String pick(SplittableRandom random) {
    if (names.size() == 1) {
      return names.get(0);
    }
    double u = random.nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return names.get(i);
      }
    }
    return names.get(names.size() - 1);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    double previous = 0;
    for (int i = 0; i < names.size(); i++) {
      parts.add(names.get(i) + String.format(java.util.Locale.ROOT, " %.0f%%", (cumulative[i] - previous) * 100));
      previous = cumulative[i];
    }
    return parts.stream().collect(Collectors.joining(", "));
  }
}
