package dev.inferencegateway.bench.sim.server;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The model names one server answers to: its base model and its LoRA adapters (vLLM
 * {@code --model} and {@code --lora-modules}).
 *
 * @param baseModel the served base model name
 * @param adapters the adapter names
 * @param maxModelLen the context length (prompt plus output tokens)
 * @param defaultMaxTokens the output limit of requests that set none
 */
public record ServedModels(String baseModel, List<String> adapters, int maxModelLen, int defaultMaxTokens) {

  /** Validates and copies. */
  public ServedModels {
    Objects.requireNonNull(baseModel, "baseModel");
    adapters = List.copyOf(adapters);
    if (maxModelLen < 1 || defaultMaxTokens < 1) {
      throw new IllegalArgumentException("maxModelLen and defaultMaxTokens must be >= 1");
    }
  }

  /** Whether the server serves adapters at all. */
  public boolean loraEnabled() {
    return !adapters.isEmpty();
  }

  /**
   * Resolves a request's {@code model}: the base model, an adapter, or (when absent) the base model.
   *
   * @return the target, or empty if the name is neither the base model nor an adapter
   */
  public Optional<Target> resolve(String model) {
    if (model == null || model.equals(baseModel)) {
      return Optional.of(new Target(baseModel, null));
    }
    return adapters.contains(model) ? Optional.of(new Target(model, model)) : Optional.empty();
  }

  /**
   * A resolved model.
   *
   * @param name the name the response reports
   * @param adapter the adapter to run, or null for the base model
   */
  public record Target(String name, String adapter) {}
}
