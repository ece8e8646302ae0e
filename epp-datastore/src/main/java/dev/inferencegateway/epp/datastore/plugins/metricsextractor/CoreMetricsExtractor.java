package dev.inferencegateway.epp.datastore.plugins.metricsextractor;

import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.datastore.collector.Extraction;
import dev.inferencegateway.epp.datastore.collector.MetricsExtractor;
import dev.inferencegateway.epp.datastore.plugins.metricssource.MetricFamilyConsumer;
import dev.inferencegateway.epp.datastore.prometheus.MetricFamilies;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code core-metrics-extractor} plugin: reads queue, running requests, KV-cache use, LoRA
 * adapters and KV block geometry from a scraped exposition, with the metric names of the
 * endpoint's engine.
 */
public final class CoreMetricsExtractor implements MetricsExtractor, MetricFamilyConsumer {
  /** The upstream type name. */
  public static final String TYPE = "core-metrics-extractor";
  /** llm-d's name for the engine label, read as well as the configured one. */
  public static final String LLMD_ENGINE_LABEL_KEY = "llm-d.ai/engine-type";
  private static final Logger LOG = LoggerFactory.getLogger(CoreMetricsExtractor.class);

  private final TypedName typedName;
  private final String engineLabelKey;
  private final String defaultEngine;
  private final Map<String, EngineMapping> mappings = new LinkedHashMap<>();
  private final EngineMapping defaultMapping;
  private final Set<String> families;
  private final Set<String> unknownEngines = ConcurrentHashMap.newKeySet();

  /**
   * Creates the extractor.
   *
   * @param flags deprecated metric-name flags, applied to the default engine's specs
   */
  public CoreMetricsExtractor(TypedName typedName, CoreMetricsExtractorParameters parameters,
      DeprecatedMetricFlags flags) {
    this.typedName = typedName;
    this.engineLabelKey = parameters.engineLabelKey();
    this.defaultEngine = parameters.defaultEngine();
    for (EngineConfig config : parameters.mergedEngines()) {
      EngineConfig effective = config.name().equals(defaultEngine) ? flags.applyTo(config) : config;
      EngineMapping mapping = EngineMapping.of(effective);
      mappings.put(config.name(), mapping);
    }
    this.defaultMapping = mappings.get(defaultEngine);
    Set<String> names = new LinkedHashSet<>();
    mappings.values().forEach(m -> names.addAll(m.families()));
    this.families = java.util.Collections.unmodifiableSet(names);
  }

  /**
   * Returns the descriptor; {@code flags} apply to every instance, and {@code warned} makes their
   * deprecation warning appear once per process.
   */
  public static PluginDescriptor<CoreMetricsExtractorParameters> descriptor(DeprecatedMetricFlags flags,
      AtomicBoolean warned) {
    return PluginDescriptor.builder(TYPE, CoreMetricsExtractorParameters.class, (name, params, handle) -> {
      if (!flags.isEmpty() && warned.compareAndSet(false, true)) {
        handle.warn(flags.warning(params.defaultEngine()));
      }
      return new CoreMetricsExtractor(new TypedName(TYPE, name), params, flags);
    }).build();
  }

  @Override
  public TypedName typedName() {
    return typedName;
  }

  @Override
  public Class<?> inputType() {
    return MetricFamilies.class;
  }

  @Override
  public Set<String> metricFamilies() {
    return families;
  }

  /** Returns the engines this extractor knows, in configuration order. */
  public List<String> engines() {
    return List.copyOf(mappings.keySet());
  }

  /**
   * Returns the engine used for {@code endpoint}: the value of the configured label, else of
   * {@code llm-d.ai/engine-type} or {@code inference.networking.k8s.io/engine-type}, else (also for
   * an unknown name) the default engine.
   */
  public String engineOf(EndpointMetadata endpoint) {
    return mappingFor(endpoint).engine();
  }

  @Override
  public Extraction extract(Object data, EndpointMetadata endpoint, ModelServerMetrics current, Instant now) {
    return mappingFor(endpoint).extract((MetricFamilies) data, current, now);
  }

  private EngineMapping mappingFor(EndpointMetadata endpoint) {
    String engine = label(endpoint, engineLabelKey);
    if (engine == null) {
      engine = label(endpoint, LLMD_ENGINE_LABEL_KEY);
    }
    if (engine == null) {
      engine = label(endpoint, CoreMetricsExtractorParameters.DEFAULT_ENGINE_LABEL_KEY);
    }
    if (engine == null) {
      return defaultMapping;
    }
    EngineMapping mapping = mappings.get(engine);
    if (mapping == null) {
      if (unknownEngines.add(engine)) {
        LOG.warn("{}: endpoint {} has unknown engine type \"{}\"; using the default engine \"{}\"",
            typedName, endpoint.name(), engine, defaultEngine);
      }
      return defaultMapping;
    }
    return mapping;
  }

  private static String label(EndpointMetadata endpoint, String key) {
    String value = endpoint.labels().get(key);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
