package dev.inferencegateway.bench.gateway.config;

/**
 * An HTTPRoute backendRef to an InferencePool.
 *
 * @param group must be {@code inference.networking.k8s.io} (the default)
 * @param kind must be {@code InferencePool} (the default)
 * @param name the pool's name in the route file's {@code pools}
 * @param weight the share of the rule's traffic, 0..1000000 (default 1)
 */
public record BackendRef(String group, String kind, String name, Integer weight) {
  /** The InferencePool API group. */
  public static final String INFERENCE_GROUP = "inference.networking.k8s.io";

  public BackendRef {
    group = group == null ? INFERENCE_GROUP : group;
    kind = kind == null ? "InferencePool" : kind;
    if (!group.equals(INFERENCE_GROUP) && !group.equals("inference.networking.x-k8s.io")) {
      throw new IllegalArgumentException("'group' must be " + INFERENCE_GROUP + ", got '" + group + "'");
    }
    if (!kind.equals("InferencePool")) {
      throw new IllegalArgumentException("'kind' must be InferencePool (the local gateway routes only to"
          + " InferencePools), got '" + kind + "'");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("'name' is required");
    }
    weight = weight == null ? 1 : weight;
    if (weight < 0 || weight > 1_000_000) {
      throw new IllegalArgumentException("'weight' must be in 0..1000000, got " + weight);
    }
  }

  /** A reference to pool {@code name} with weight 1. */
  public static BackendRef pool(String name) {
    return new BackendRef(null, null, name, null);
  }
}
