package dev.inferencegateway.epp.datastore.plugins.metricsextractor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code parameters} of a {@code core-metrics-extractor}.
 *
 * @param engineLabelKey the pod label naming the engine; default
 *     {@code inference.networking.k8s.io/engine-type} ({@code llm-d.ai/engine-type} is also read)
 * @param defaultEngine the engine of pods without a known label; default {@code vllm}
 * @param engineConfigs engine tables; each fully replaces the built-in table of the same name
 */
public record CoreMetricsExtractorParameters(String engineLabelKey, String defaultEngine,
    List<EngineConfig> engineConfigs) {
  /** Upstream's engine label. */
  public static final String DEFAULT_ENGINE_LABEL_KEY = "inference.networking.k8s.io/engine-type";
  /** The reserved engine name. */
  static final String RESERVED_ENGINE_NAME = "default";

  public CoreMetricsExtractorParameters {
    engineLabelKey = engineLabelKey == null || engineLabelKey.isBlank() ? DEFAULT_ENGINE_LABEL_KEY : engineLabelKey;
    defaultEngine = defaultEngine == null || defaultEngine.isBlank() ? BuiltInEngines.DEFAULT_ENGINE : defaultEngine;
    engineConfigs = engineConfigs == null ? List.of() : List.copyOf(engineConfigs);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < engineConfigs.size(); i++) {
      EngineConfig config = engineConfigs.get(i);
      String field = "engineConfigs[" + i + "]";
      if (config == null) {
        throw new IllegalArgumentException("'" + field + "' must not be null");
      }
      if (config.name().isBlank()) {
        throw new IllegalArgumentException("'" + field + ".name' must not be empty");
      }
      if (config.name().equals(RESERVED_ENGINE_NAME)) {
        throw new IllegalArgumentException("'" + field + ".name' \"default\" is reserved");
      }
      if (!names.add(config.name())) {
        throw new IllegalArgumentException("'" + field + ".name' \"" + config.name() + "\" is given twice");
      }
      checkSpecs(config, field);
    }
    List<String> known = new ArrayList<>(names);
    BuiltInEngines.ALL.forEach(b -> known.add(b.name()));
    if (!known.contains(defaultEngine)) {
      throw new IllegalArgumentException("'defaultEngine' \"" + defaultEngine
          + "\" is neither in engineConfigs nor built in (known: " + String.join(", ", known) + ")");
    }
  }

  /** Returns the given engines followed by the built-in ones whose names were not given. */
  public List<EngineConfig> mergedEngines() {
    List<EngineConfig> merged = new ArrayList<>(engineConfigs);
    Set<String> given = new HashSet<>();
    engineConfigs.forEach(c -> given.add(c.name()));
    for (EngineConfig builtIn : BuiltInEngines.ALL) {
      if (!given.contains(builtIn.name())) {
        merged.add(builtIn);
      }
    }
    return merged;
  }

  private static void checkSpecs(EngineConfig config, String field) {
    check(config, field, "queuedRequestsSpec", EngineConfig::queuedRequestsSpec);
    check(config, field, "runningRequestsSpec", EngineConfig::runningRequestsSpec);
    check(config, field, "kvUsageSpec", EngineConfig::kvUsageSpec);
    check(config, field, "loraSpec", EngineConfig::loraSpec);
    check(config, field, "cacheInfoSpec", EngineConfig::cacheInfoSpec);
    check(config, field, "cacheBlockSizeSpec", EngineConfig::cacheBlockSizeSpec);
    check(config, field, "cacheNumBlocksSpec", EngineConfig::cacheNumBlocksSpec);
  }

  private static void check(EngineConfig config, String field, String spec,
      Function<EngineConfig, String> value) {
    try {
      MetricSpec.parse(value.apply(config));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + field + "." + spec + "' " + e.getMessage(), e);
    }
  }
}
