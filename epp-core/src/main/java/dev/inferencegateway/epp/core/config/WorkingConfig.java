package dev.inferencegateway.epp.core.config;

import dev.inferencegateway.epp.core.config.EndpointPickerConfig.DataLayer;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.FlowControl;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.PluginRef;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.PluginSpec;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.SchedulingProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration while the loader completes it: the decoded document with static defaults
 * applied, extended by system defaults, and the document path of every element that came from the
 * text so that errors can name its line.
 */
final class WorkingConfig {
  final String apiVersion;
  final String kind;
  List<String> featureGates;
  final List<PluginSpec> plugins = new ArrayList<>();
  final List<SchedulingProfile> profiles = new ArrayList<>();
  PluginRef saturationDetector;
  DataLayer dataLayer;
  final FlowControl flowControl;
  PluginRef parser;
  String dataLayerKey = "dataLayer";
  private final Map<String, String> pluginPaths = new HashMap<>();
  private final int configuredProfiles;

  private WorkingConfig(EndpointPickerConfig raw) {
    apiVersion = raw.apiVersion();
    kind = raw.kind();
    featureGates = raw.featureGates();
    for (int i = 0; i < raw.plugins().size(); i++) {
      PluginSpec spec = raw.plugins().get(i);
      String name = spec.name() == null || spec.name().isEmpty() ? spec.type() : spec.name();
      plugins.add(new PluginSpec(name, spec.type(), spec.parameters()));
      if (name != null) {
        pluginPaths.putIfAbsent(name, "plugins[" + i + "]");
      }
    }
    profiles.addAll(raw.schedulingProfiles());
    configuredProfiles = raw.schedulingProfiles().size();
    saturationDetector = raw.saturationDetector();
    dataLayer = raw.dataLayer();
    flowControl = raw.flowControl();
    parser = raw.parser();
  }

  /** Returns the working copy of {@code raw} with static defaults applied (a plugin's name defaults to its type). */
  static WorkingConfig withStaticDefaults(EndpointPickerConfig raw) {
    return new WorkingConfig(raw);
  }

  /** Returns the document path of the configured plugin {@code name}, or null for a default plugin. */
  String pluginPath(String name) {
    return pluginPaths.get(name);
  }

  /** Returns the document path of profile {@code index}, or null for a generated profile. */
  String profilePath(int index) {
    return index < configuredProfiles ? "schedulingProfiles[" + index + "]" : null;
  }

  /** Returns the document path of plugin entry {@code entry} of profile {@code index}, or null. */
  String profileEntryPath(int index, int entry) {
    String profile = profilePath(index);
    return profile == null ? null : profile + ".plugins[" + entry + "]";
  }

  /** Replaces the parameters of plugin {@code name} in the effective configuration. */
  void replaceParameters(String name, com.fasterxml.jackson.databind.JsonNode parameters) {
    plugins.replaceAll(p -> p.name().equals(name) ? new PluginSpec(p.name(), p.type(), parameters) : p);
  }

  /** Returns the effective configuration. */
  EndpointPickerConfig toConfig() {
    return new EndpointPickerConfig(apiVersion, kind, featureGates, plugins, profiles,
        saturationDetector, dataLayer, flowControl, parser);
  }
}
