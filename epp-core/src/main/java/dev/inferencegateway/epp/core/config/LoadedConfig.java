package dev.inferencegateway.epp.core.config;

import dev.inferencegateway.epp.core.parser.Parser;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.plugin.PluginHandle;
import dev.inferencegateway.epp.core.requestcontrol.Admitter;
import dev.inferencegateway.epp.core.requestcontrol.DataProducer;
import dev.inferencegateway.epp.core.requestcontrol.PreRequest;
import dev.inferencegateway.epp.core.requestcontrol.ResponseBodyProcessor;
import dev.inferencegateway.epp.core.requestcontrol.ResponseHeaderProcessor;
import dev.inferencegateway.epp.core.requestcontrol.SaturationDetector;
import dev.inferencegateway.epp.core.scheduling.Scheduler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded {@link EndpointPickerConfig}: every plugin instance wired into the scheduler, the
 * request-control hooks, the parser, the saturation detector and the data layer, plus the
 * effective configuration and the warnings found while loading.
 */
public final class LoadedConfig {
  private final ConfigSource source;
  private final Map<String, Plugin> plugins;
  private final Scheduler scheduler;
  private final Parser parser;
  private final SaturationDetector saturationDetector;
  private final List<DataSourceBinding> dataSources;
  private final List<DataProducer> dataProducers;
  private final List<String> featureGates;
  private final List<String> warnings;
  private final EndpointPickerConfig effectiveConfig;
  private final PluginHandle handle;

  LoadedConfig(ConfigSource source, Map<String, Plugin> plugins, Scheduler scheduler, Parser parser,
      SaturationDetector saturationDetector, List<DataSourceBinding> dataSources,
      List<DataProducer> dataProducers, List<String> warnings, EndpointPickerConfig effectiveConfig,
      PluginHandle handle) {
    this.source = source;
    this.plugins = Collections.unmodifiableMap(new LinkedHashMap<>(plugins));
    this.scheduler = scheduler;
    this.parser = parser;
    this.saturationDetector = saturationDetector;
    this.dataSources = List.copyOf(dataSources);
    this.dataProducers = List.copyOf(dataProducers);
    this.featureGates = effectiveConfig.featureGates();
    this.warnings = List.copyOf(warnings);
    this.effectiveConfig = effectiveConfig;
    this.handle = handle;
  }

  /** Returns where the configuration came from. */
  public ConfigSource source() {
    return source;
  }

  /** Returns every plugin instance by name, configured ones first, then those added by defaults. */
  public Map<String, Plugin> plugins() {
    return plugins;
  }

  /** Returns the plugin named {@code name}. */
  public Optional<Plugin> plugin(String name) {
    return Optional.ofNullable(plugins.get(name));
  }

  /** Returns the plugins that implement {@code role}, in {@link #plugins()} order. */
  public <T> List<T> pluginsOf(Class<T> role) {
    return plugins.values().stream().filter(role::isInstance).map(role::cast).toList();
  }

  /** Returns the scheduler: the profile handler and the scheduling profiles. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** Returns the request parser. */
  public Parser parser() {
    return parser;
  }

  /** Returns the saturation detector used by admission. */
  public SaturationDetector saturationDetector() {
    return saturationDetector;
  }

  /** Returns the data sources with their extractors; empty when metrics collection is disabled. */
  public List<DataSourceBinding> dataSources() {
    return dataSources;
  }

  /** Returns the data producers in dependency order (every producer after those it consumes from). */
  public List<DataProducer> dataProducers() {
    return dataProducers;
  }

  /** Returns the admitters. */
  public List<Admitter> admitters() {
    return pluginsOf(Admitter.class);
  }

  /** Returns the plugins called after scheduling, before the request is forwarded. */
  public List<PreRequest> preRequests() {
    return pluginsOf(PreRequest.class);
  }

  /** Returns the plugins called with the response headers. */
  public List<ResponseHeaderProcessor> responseHeaderProcessors() {
    return pluginsOf(ResponseHeaderProcessor.class);
  }

  /** Returns the plugins called with the response body. */
  public List<ResponseBodyProcessor> responseBodyProcessors() {
    return pluginsOf(ResponseBodyProcessor.class);
  }

  /** Returns the enabled feature gates, including any added by the environment. */
  public List<String> featureGates() {
    return featureGates;
  }

  /** Returns true when {@code gate} is enabled. */
  public boolean featureEnabled(String gate) {
    return featureGates.contains(gate);
  }

  /** Returns the warnings found while loading (deprecations, ignored sections, disabled collection). */
  public List<String> warnings() {
    return warnings;
  }

  /** Returns the effective configuration: the document with every default the loader applied. */
  public EndpointPickerConfig effectiveConfig() {
    return effectiveConfig;
  }

  /** Returns the effective configuration as YAML, loadable again with the same result. */
  public String effectiveYaml() {
    return EffectiveConfigWriter.toYaml(effectiveConfig);
  }

  /** Returns the handle the plugins were created with (for plugins added at runtime). */
  public PluginHandle handle() {
    return handle;
  }
}
