package dev.inferencegateway.epp.core.datastore;

import java.util.Objects;

/**
 * An InferenceObjective known to the EPP.
 *
 * @param name the objective's {@code metadata.name}, as sent in {@code x-gateway-inference-objective}
 * @param priority the priority; unset is 0, negative means sheddable
 */
public record Objective(String name, int priority) {
  public Objective {
    Objects.requireNonNull(name, "name");
  }
}
