package dev.inferencegateway.epp.core.config;

import dev.inferencegateway.epp.core.config.EndpointPickerConfig.DataLayerSource;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.PluginRef;
import dev.inferencegateway.epp.core.datalayer.DataSource;
import dev.inferencegateway.epp.core.datalayer.Extractor;
import dev.inferencegateway.epp.core.parser.Parser;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.requestcontrol.SaturationDetector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves the non-scheduling sections of the completed configuration to plugin instances: the
 * data-layer wiring, the parser and the saturation detector, checking that each referenced plugin
 * plays the expected role.
 */
final class ComponentBuilder {
  private final WorkingConfig working;
  private final LoaderPluginHandle handle;
  private final ConfigErrors errors;

  ComponentBuilder(WorkingConfig working, LoaderPluginHandle handle, ConfigErrors errors) {
    this.working = working;
    this.handle = handle;
    this.errors = errors;
  }

  /** Returns the data sources with their extractors; empty when collection is disabled. */
  List<DataSourceBinding> dataLayer() {
    List<DataSourceBinding> bindings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<DataLayerSource> sources = working.dataLayer.sources();
    for (int i = 0; i < sources.size(); i++) {
      DataLayerSource spec = sources.get(i);
      String path = working.dataLayerKey + ".sources[" + i + "]";
      if (spec.pluginRef() == null || spec.pluginRef().isEmpty()) {
        throw errors.at(path, ConfigErrors.DATA_LAYER + path + " is missing a 'pluginRef'");
      }
      Plugin plugin = defined(spec.pluginRef(), path + ".pluginRef", ConfigErrors.DATA_LAYER);
      if (!(plugin instanceof DataSource source)) {
        throw errors.at(path + ".pluginRef", ConfigErrors.DATA_LAYER + "the plugin " + spec.pluginRef()
            + " is not a DataSource");
      }
      if (!seen.add(spec.pluginRef())) {
        throw errors.at(path + ".pluginRef", ConfigErrors.DATA_LAYER + "the data source "
            + spec.pluginRef() + " is listed more than once");
      }
      if (spec.extractors().isEmpty()) {
        handle.warn(errors.located(path, "data source " + spec.pluginRef()
            + " has no extractors; the data it collects is not used"));
      }
      List<Extractor> extractors = new ArrayList<>();
      for (int j = 0; j < spec.extractors().size(); j++) {
        PluginRef ref = spec.extractors().get(j);
        String refPath = path + ".extractors[" + j + "].pluginRef";
        if (ref.pluginRef() == null || ref.pluginRef().isEmpty()) {
          throw errors.at(refPath, ConfigErrors.DATA_LAYER + path + ".extractors[" + j
              + "] is missing a 'pluginRef'");
        }
        if (!(defined(ref.pluginRef(), refPath, ConfigErrors.DATA_LAYER) instanceof Extractor extractor)) {
          throw errors.at(refPath, ConfigErrors.DATA_LAYER + "the plugin " + ref.pluginRef()
              + " is not an Extractor");
        }
        if (!extractor.inputType().isAssignableFrom(source.outputType())) {
          throw errors.at(refPath, ConfigErrors.DATA_LAYER + "extractor " + ref.pluginRef() + " accepts "
              + extractor.inputType().getSimpleName() + " but data source " + spec.pluginRef()
              + " produces " + source.outputType().getSimpleName());
        }
        extractors.add(extractor);
      }
      bindings.add(new DataSourceBinding(source, extractors));
    }
    if (bindings.isEmpty()) {
      handle.warn(errors.located(working.dataLayerKey, "no data sources configured; metrics collection is disabled"));
    }
    return bindings;
  }

  /** Returns the configured parser. */
  Parser parser() {
    String ref = working.parser.pluginRef();
    Plugin plugin = handle.plugin(ref == null ? "" : ref).orElseThrow(() -> errors.at("parser",
        ConfigErrors.PARSER + "the configured parser '" + ref + "' is not loaded"));
    if (!(plugin instanceof Parser parser)) {
      throw errors.at("parser.pluginRef", ConfigErrors.PARSER + "the plugin '" + ref + "' is not a parser plugin");
    }
    return parser;
  }

  /** Returns the configured saturation detector. */
  SaturationDetector saturationDetector() {
    String ref = working.saturationDetector.pluginRef();
    Plugin plugin = handle.plugin(ref == null ? "" : ref).orElseThrow(() -> errors.at(
        "saturationDetector", ConfigErrors.LOAD + "saturation detector plugin '" + ref + "' not found"));
    if (!(plugin instanceof SaturationDetector detector)) {
      throw errors.at("saturationDetector.pluginRef", ConfigErrors.LOAD + "plugin '" + ref
          + "' is not a SaturationDetector");
    }
    return detector;
  }

  private Plugin defined(String name, String path, String phase) {
    return handle.plugin(name).orElseThrow(() -> errors.at(path, phase + "the plugin " + name
        + " is not registered"));
  }
}
