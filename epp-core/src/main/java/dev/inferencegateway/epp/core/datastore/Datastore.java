package dev.inferencegateway.epp.core.datastore;

import java.util.List;
import java.util.Optional;

/**
 * The EPP's read view of its pool: the pool definition, its endpoints with their latest metrics,
 * and the objectives and model rewrites that apply to it.
 *
 * <p>Implementations (Kubernetes informers, a standalone selector, a static list) live in the
 * datastore module and are safe for concurrent use.
 */
public interface Datastore {
  /** Returns true once the pool and its endpoints have been loaded; readiness depends on it. */
  boolean hasSynced();

  /** Returns the pool, once known. */
  Optional<PoolInfo> pool();

  /** Returns the current endpoints with their latest metrics. */
  List<EndpointSnapshot> endpoints();

  /** Returns the objective with the given name. */
  Optional<Objective> objective(String name);

  /** Returns the model rewrite rule that applies to {@code model}, by upstream's precedence. */
  Optional<ModelRewrite> modelRewrite(String model);
}
