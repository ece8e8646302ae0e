package dev.inferencegateway.epp.datastore;

import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.core.datastore.PoolInfo;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.datastore.rewrite.ModelRewriteRules;
import java.util.Collection;
import java.util.Map;

/** What an {@link EndpointSource} writes: the pool, its endpoints, objectives, rewrites and health. */
public interface PoolStateSink {
  /** Sets or replaces the pool definition. */
  void setPool(PoolInfo pool);

  /** Forgets the pool (it was deleted): clears endpoints, objectives and rewrites. */
  void clearPool();

  /**
   * Replaces the endpoints contributed by {@code owner} (a pod, a file); an empty collection
   * removes them. Endpoint names are unique across owners.
   */
  void setEndpoints(String owner, Collection<EndpointMetadata> endpoints);

  /** Replaces every owner's endpoints at once; owners absent from {@code byOwner} lose theirs. */
  void replaceAllEndpoints(Map<String, ? extends Collection<EndpointMetadata>> byOwner);

  /** Replaces the objectives, keyed by name. */
  void setObjectives(Map<String, Objective> objectives);

  /** Replaces the model rewrite rules. */
  void setModelRewrites(ModelRewriteRules rules);

  /** Reports whether the source has loaded its initial state (informers synced, file read). */
  void setSourceSynced(boolean synced);

  /** Reports a problem of {@code component} (logged once until it clears). */
  void reportProblem(String component, String problem);

  /** Clears the problem of {@code component}, if any. */
  void clearProblem(String component);
}
