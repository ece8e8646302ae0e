package dev.inferencegateway.bench.sim.fleet;

import dev.inferencegateway.bench.sim.engine.EngineConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * One pool of a fleet file: identical simulated model servers of one base model (the pods an
 * InferencePool selects).
 *
 * @param name pool name; pods are named {@code <name>-<index>} (required)
 * @param namespace the pods' namespace (default {@code default})
 * @param model the served base model (required)
 * @param adapters LoRA adapter names (default none)
 * @param replicas servers in the pool (default 1)
 * @param basePort port of replica 0, replica i listens on base-port + i; 0 = ephemeral ports (default 0)
 * @param labels pod labels (default {@code app: <name>})
 * @param maxLoras adapter GPU slots (default 1)
 * @param maxNumSeqs running-batch size (default 16)
 * @param maxWaitingQueueLength waiting-queue bound (default 1000)
 * @param maxModelLen context length in tokens (default 4096)
 * @param defaultMaxTokens output limit of requests without {@code max_tokens} (default 256)
 * @param kvCache KV-cache shape
 * @param latency latency model
 * @param seed seed of latency jitter, generated text and injected errors (default 1)
 */
public record PoolSpec(
    String name,
    String namespace,
    String model,
    List<String> adapters,
    Integer replicas,
    Integer basePort,
    Map<String, String> labels,
    Integer maxLoras,
    Integer maxNumSeqs,
    Integer maxWaitingQueueLength,
    Integer maxModelLen,
    Integer defaultMaxTokens,
    KvCacheSpec kvCache,
    LatencySpec latency,
    Long seed) {

  /** Applies defaults and validates. */
  public PoolSpec {
    require(name != null && name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"), "name",
        "must be a DNS label (lower-case letters, digits, '-'), got " + name);
    require(model != null && !model.isBlank(), "model", "is required");
    namespace = namespace == null ? "default" : namespace;
    adapters = adapters == null ? List.of() : List.copyOf(adapters);
    replicas = replicas == null ? 1 : replicas;
    basePort = basePort == null ? 0 : basePort;
    labels = labels == null ? Map.of("app", name) : Map.copyOf(labels);
    maxLoras = maxLoras == null ? 1 : maxLoras;
    maxNumSeqs = maxNumSeqs == null ? 16 : maxNumSeqs;
    maxWaitingQueueLength = maxWaitingQueueLength == null ? 1000 : maxWaitingQueueLength;
    maxModelLen = maxModelLen == null ? 4096 : maxModelLen;
    defaultMaxTokens = defaultMaxTokens == null ? 256 : defaultMaxTokens;
    kvCache = kvCache == null ? KvCacheSpec.defaults() : kvCache;
    latency = latency == null ? LatencySpec.defaults() : latency;
    seed = seed == null ? 1L : seed;
    require(replicas >= 1, "replicas", "must be >= 1, got " + replicas);
    require(basePort == 0 || (basePort >= 1 && basePort + replicas - 1 <= 65535), "base-port",
        "must be 0 (ephemeral) or leave room for " + replicas + " ports below 65536, got " + basePort);
    require(maxLoras >= 1, "max-loras", "must be >= 1, got " + maxLoras);
    require(maxModelLen >= 1, "max-model-len", "must be >= 1, got " + maxModelLen);
    require(defaultMaxTokens >= 1, "default-max-tokens", "must be >= 1, got " + defaultMaxTokens);
    require((long) kvCache.numGpuBlocks() * kvCache.blockSize() >= maxModelLen, "kv-cache",
        "holds " + (long) kvCache.numGpuBlocks() * kvCache.blockSize() + " tokens, fewer than max-model-len "
            + maxModelLen);
    require(new HashSet<>(adapters).size() == adapters.size(), "adapters", "has duplicates: " + adapters);
    require(!adapters.contains(model), "adapters", "must not contain the base model " + model);
    engineConfig(maxNumSeqs, maxWaitingQueueLength, maxLoras, kvCache, latency);
  }

  /** The configuration of each of the pool's engines. */
  public EngineConfig engineConfig() {
    return engineConfig(maxNumSeqs, maxWaitingQueueLength, maxLoras, kvCache, latency);
  }

  private static EngineConfig engineConfig(int maxNumSeqs, int maxWaitingQueueLength, int maxLoras,
      KvCacheSpec kvCache, LatencySpec latency) {
    return new EngineConfig(maxNumSeqs, maxWaitingQueueLength, maxLoras, kvCache.blockSize(),
        kvCache.numGpuBlocks(), latency.toProfile());
  }

  /** The name of replica {@code index}. */
  public String podName(int index) {
    return name + "-" + index;
  }

  /** The port replica {@code index} binds (0 = ephemeral). */
  public int port(int index) {
    return basePort == 0 ? 0 : basePort + index;
  }

  private static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new IllegalArgumentException("'" + field + "' " + message);
    }
  }
}
