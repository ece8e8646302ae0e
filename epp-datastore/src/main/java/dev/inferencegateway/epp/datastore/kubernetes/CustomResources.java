package dev.inferencegateway.epp.datastore.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The custom resources the EPP watches, and helpers to read their untyped content. */
final class CustomResources {
  /** The InferencePool group; only {@code v1} is served. */
  static final String POOL_GROUP = "inference.networking.k8s.io";
  /** The upstream group of InferenceObjective and InferenceModelRewrite. */
  static final String X_K8S_GROUP = "inference.networking.x-k8s.io";
  /** llm-d's group for the same kinds. */
  static final String LLMD_GROUP = "llm-d.ai";
  static final String ALPHA_VERSION = "v1alpha2";

  static final ResourceDefinitionContext POOL = context(POOL_GROUP, "v1", "InferencePool", "inferencepools");

  private CustomResources() {}

  static ResourceDefinitionContext objectives(String group) {
    return context(group, ALPHA_VERSION, "InferenceObjective", "inferenceobjectives");
  }

  static ResourceDefinitionContext rewrites(String group) {
    return context(group, ALPHA_VERSION, "InferenceModelRewrite", "inferencemodelrewrites");
  }

  static String describe(ResourceDefinitionContext context) {
    return context.getKind() + " (" + context.getGroup() + "/" + context.getVersion() + ")";
  }

  private static ResourceDefinitionContext context(String group, String version, String kind, String plural) {
    return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
        .withPlural(plural).withNamespaced(true).build();
  }

  /** Returns {@code namespace/name} of a resource. */
  static String key(GenericKubernetesResource resource) {
    return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }

  static Instant created(GenericKubernetesResource resource) {
    String timestamp = resource.getMetadata().getCreationTimestamp();
    if (timestamp == null || timestamp.isBlank()) {
      return Instant.EPOCH;
    }
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  static boolean deleting(GenericKubernetesResource resource) {
    String deletion = resource.getMetadata().getDeletionTimestamp();
    return deletion != null && !deletion.isBlank();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List<?> l ? (List<Object>) l : null;
  }

  static String string(Map<String, Object> map, String key) {
    Object value = map == null ? null : map.get(key);
    return value instanceof String s ? s : null;
  }

  /** Returns an integer field; throws when it is present but not an integer. */
  static Integer integer(Map<String, Object> map, String key) {
    Object value = map == null ? null : map.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && n.longValue() >= Integer.MIN_VALUE && n.longValue() <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    throw new IllegalArgumentException(key + " must be an integer, got " + value);
  }
}
