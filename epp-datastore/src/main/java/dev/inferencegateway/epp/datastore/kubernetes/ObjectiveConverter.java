package dev.inferencegateway.epp.datastore.kubernetes;

import dev.inferencegateway.epp.core.datastore.Objective;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;

/** Reads an InferenceObjective: its name and priority (unset means 0). */
final class ObjectiveConverter {
  private ObjectiveConverter() {}

  /**
   * Converts {@code resource}.
   *
   * @throws IllegalArgumentException when {@code spec.priority} is not an integer
   */
  static Objective convert(GenericKubernetesResource resource) {
    Map<String, Object> spec = CustomResources.map(resource.getAdditionalProperties().get("spec"));
    Integer priority = CustomResources.integer(spec, "priority");
    return new Objective(resource.getMetadata().getName(), priority == null ? 0 : priority);
  }
}
