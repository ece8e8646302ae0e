package dev.inferencegateway.bench.demo;

/**
 * An InferenceObjective of a demo pool, written into the pool's static endpoints file.
 *
 * @param name the name requests send in {@code x-gateway-inference-objective}
 * @param priority the priority (default 0); negative is sheddable under saturation
 */
public record ObjectiveSpec(String name, Integer priority) {
  public ObjectiveSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("'name' is required");
    }
    priority = priority == null ? 0 : priority;
  }
}
