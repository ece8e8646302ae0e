package dev.inferencegateway.epp.core.config;

import dev.inferencegateway.epp.core.parser.Parser;
import dev.inferencegateway.epp.core.plugin.PluginEnvironment;
import dev.inferencegateway.epp.core.plugin.PluginRegistry;
import dev.inferencegateway.epp.core.requestcontrol.DataProducer;
import dev.inferencegateway.epp.core.requestcontrol.SaturationDetector;
import dev.inferencegateway.epp.core.scheduling.Scheduler;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads an {@link EndpointPickerConfig} in upstream's two phases.
 *
 * <ol>
 *   <li>Raw loading: strict decode (YAML or JSON, with line numbers), names default to types,
 *       feature gates are checked.
 *   <li>Instantiation: plugins are created through the registry; system defaults are applied
 *       (generated profile, {@code single-profile-handler}, {@code max-score-picker}, pickers and
 *       weights in profiles, {@code openai-parser}, {@code utilization-detector}, the default data
 *       layer); references are validated; the scheduler, data layer, parser and saturation
 *       detector are built; missing data producers are created and all producers are ordered.
 * </ol>
 *
 * <p>Every failure is a {@link ConfigException} naming the source, line, plugin and field.
 */
public final class ConfigLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

  private final PluginRegistry registry;
  private final PluginEnvironment env;
  private final LoaderOptions options;

  /** Creates a loader that instantiates plugins from {@code registry} with {@code env}. */
  public ConfigLoader(PluginRegistry registry, PluginEnvironment env, LoaderOptions options) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.env = Objects.requireNonNull(env, "env");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Loads the configuration from {@code source}; an empty document means the built-in default.
   *
   * @throws ConfigException when the configuration is invalid
   */
  public LoadedConfig load(ConfigSource source) {
    String text = source.read();
    Optional<LocatedDocument> parsed = LocatedDocument.parse(source, text);
    LoaderPluginHandle handle = new LoaderPluginHandle(env);
    if (parsed.isEmpty()) {
      handle.warn("the configuration in " + source.description()
          + " is empty; the built-in default configuration is used");
      source = ConfigSource.builtInDefault();
      parsed = LocatedDocument.parse(source, source.read());
    }
    LocatedDocument document = parsed.orElseThrow();
    ConfigErrors errors = new ConfigErrors(source, document);

    EndpointPickerConfig raw = new ConfigDecoder(errors, handle::warn).decode(document.root());
    LOG.info("Loaded raw configuration from {}", source.description());
    WorkingConfig working = WorkingConfig.withStaticDefaults(raw);
    working.dataLayerKey = document.root().has("data") ? "data" : "dataLayer";
    working.featureGates = FeatureGates.resolve(raw.featureGates(), options, errors, handle::warn);
    if (raw.flowControl() != null) {
      handle.warn(errors.located("flowControl", "the flowControl section is ignored: the '"
          + FeatureGates.FLOW_CONTROL + "' feature gate is not enabled"));
    }

    PluginInstantiator instantiator = new PluginInstantiator(registry, options, handle, errors, working);
    instantiator.instantiateConfigured();
    new SystemDefaults(working, handle, instantiator, errors).apply();
    ConfigValidator.validate(working, errors);
    Scheduler scheduler = SchedulerBuilder.build(working, handle, env, errors);
    ComponentBuilder components = new ComponentBuilder(working, handle, errors);
    List<DataSourceBinding> dataSources = components.dataLayer();
    Parser parser = components.parser();
    SaturationDetector saturationDetector = components.saturationDetector();
    List<DataProducer> producers = new DataProducerGraph(handle, instantiator, working, errors).resolve();

    LoadedConfig loaded = new LoadedConfig(source, handle.plugins(), scheduler, parser,
        saturationDetector, dataSources, producers, handle.warnings(), working.toConfig(), handle);
    loaded.warnings().forEach(w -> LOG.warn("{}", w));
    LOG.info("Instantiated all plugins and applied system defaults. Effective configuration:\n{}",
        loaded.effectiveYaml());
    return loaded;
  }
}
