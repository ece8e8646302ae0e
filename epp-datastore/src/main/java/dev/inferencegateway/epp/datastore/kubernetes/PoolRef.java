package dev.inferencegateway.epp.datastore.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;

/**
 * Matches {@code spec.poolRef} of an InferenceObjective or InferenceModelRewrite against the
 * served pool: same name, kind {@code InferencePool}, and the pool's group. A poolRef without a
 * group takes its CRD's default: {@code inference.networking.k8s.io} for the upstream group and
 * {@code llm-d.ai} for llm-d's, whose objects may also name the pool's group explicitly.
 */
final class PoolRef {
  private PoolRef() {}

  static boolean matches(GenericKubernetesResource resource, String poolName) {
    Map<String, Object> spec = CustomResources.map(resource.getAdditionalProperties().get("spec"));
    Map<String, Object> ref = CustomResources.map(spec == null ? null : spec.get("poolRef"));
    if (ref == null || !poolName.equals(CustomResources.string(ref, "name"))) {
      return false;
    }
    String kind = CustomResources.string(ref, "kind");
    if (kind != null && !kind.isEmpty() && !kind.equals("InferencePool")) {
      return false;
    }
    boolean llmd = resource.getApiVersion() != null && resource.getApiVersion().startsWith(CustomResources.LLMD_GROUP + "/");
    String group = CustomResources.string(ref, "group");
    if (group == null || group.isEmpty()) {
      return true;
    }
    return group.equals(CustomResources.POOL_GROUP) || (llmd && group.equals(CustomResources.LLMD_GROUP));
  }
}
