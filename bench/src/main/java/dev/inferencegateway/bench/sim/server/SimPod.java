package dev.inferencegateway.bench.sim.server;

import dev.inferencegateway.bench.sim.engine.ModelEngine;
import java.util.Objects;

/**
 * What one simulated model-server pod is made of.
 *
 * @param identity its name, namespace, pool, address and labels
 * @param models the model names it serves
 * @param engine its serving engine
 * @param faults its run-time failure switches
 * @param textSeed the seed of its generated text and response ids
 */
public record SimPod(PodIdentity identity, ServedModels models, ModelEngine engine, FaultInjector faults,
    long textSeed) {

  /** Validates. */
  public SimPod {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(faults, "faults");
  }
}
