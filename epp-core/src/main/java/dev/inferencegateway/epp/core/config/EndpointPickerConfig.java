package dev.inferencegateway.epp.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code EndpointPickerConfig} document, wire-compatible with upstream's
 * {@code apix/config/v1alpha1} schema.
 *
 * <p>Optional sections are {@code null} when absent; lists are never null. The same records
 * describe both the configuration as written and the effective configuration after the loader
 * applied its defaults.
 *
 * @param apiVersion {@link #API_VERSION} or its llm-d alias {@link #LLMD_API_VERSION}
 * @param kind always {@link #KIND}
 * @param featureGates the enabled feature gates
 * @param plugins the plugin instances, in configuration order
 * @param schedulingProfiles the named scheduling profiles
 * @param saturationDetector the saturation detector reference, or null
 * @param dataLayer the data-layer wiring, or null when omitted
 * @param flowControl the flow-control section, or null
 * @param parser the request parser reference, or null
 */
public record EndpointPickerConfig(
    String apiVersion,
    String kind,
    List<String> featureGates,
    List<PluginSpec> plugins,
    List<SchedulingProfile> schedulingProfiles,
    PluginRef saturationDetector,
    DataLayer dataLayer,
    FlowControl flowControl,
    PluginRef parser) {

  /** The upstream Gateway API Inference Extension apiVersion. */
  public static final String API_VERSION = "inference.networking.x-k8s.io/v1alpha1";
  /** The llm-d apiVersion, accepted as an alias. */
  public static final String LLMD_API_VERSION = "llm-d.ai/v1alpha1";
  /** The only accepted kind. */
  public static final String KIND = "EndpointPickerConfig";

  public EndpointPickerConfig {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    featureGates = List.copyOf(featureGates);
    plugins = List.copyOf(plugins);
    schedulingProfiles = List.copyOf(schedulingProfiles);
  }

  /**
   * One plugin instance.
   *
   * @param name the instance name; the loader defaults it to the type
   * @param type the registered plugin type
   * @param parameters the raw parameters, or null when none were given
   */
  public record PluginSpec(String name, String type, JsonNode parameters) {
    /** Returns true when non-empty parameters were given. */
    public boolean hasParameters() {
      return parameters != null && !parameters.isNull()
          && !(parameters.isContainerNode() && parameters.isEmpty());
    }
  }

  /**
   * A named scheduling profile.
   *
   * @param name the profile name
   * @param plugins the filters, scorers and picker of the profile, in order
   */
  public record SchedulingProfile(String name, List<ProfilePlugin> plugins) {
    public SchedulingProfile {
      plugins = List.copyOf(plugins);
    }
  }

  /**
   * A plugin placed in a scheduling profile.
   *
   * @param pluginRef the name of a plugin instance
   * @param weight the scorer weight, or null when not given
   */
  public record ProfilePlugin(String pluginRef, Double weight) {}

  /**
   * A reference to a plugin instance by name.
   *
   * @param pluginRef the name of a plugin instance
   */
  public record PluginRef(String pluginRef) {}

  /**
   * The data-layer wiring.
   *
   * @param sources the data sources; empty disables metrics collection
   */
  public record DataLayer(List<DataLayerSource> sources) {
    public DataLayer {
      sources = List.copyOf(sources);
    }
  }

  /**
   * A data source and the extractors fed by it.
   *
   * @param pluginRef the name of a {@code DataSource} plugin
   * @param extractors references to {@code Extractor} plugins
   */
  public record DataLayerSource(String pluginRef, List<PluginRef> extractors) {
    public DataLayerSource {
      extractors = List.copyOf(extractors);
    }
  }

  /**
   * The flow-control section, honoured only with the {@code flowControl} feature gate.
   *
   * @param maxBytes the global byte capacity, or null for unlimited
   * @param maxRequests the global request capacity, or null for unlimited
   * @param defaultRequestTTL the queueing timeout for requests without a deadline, or null
   * @param defaultPriorityBand the template for priorities without an explicit band, or null
   * @param priorityBands the explicitly configured bands
   * @param usageLimitPolicyPluginRef the usage-limit policy plugin, or null
   */
  public record FlowControl(
      Quantity maxBytes,
      Long maxRequests,
      Duration defaultRequestTTL,
      PriorityBand defaultPriorityBand,
      List<PriorityBand> priorityBands,
      String usageLimitPolicyPluginRef) {
    public FlowControl {
      priorityBands = List.copyOf(priorityBands);
    }
  }

  /**
   * One flow-control priority band.
   *
   * @param priority the priority level (higher first), or null in the default band template
   * @param maxBytes the band's byte capacity, or null for the default
   * @param maxRequests the band's request capacity, or null for unlimited
   * @param fairnessPolicyRef the fairness policy plugin, or null
   * @param orderingPolicyRef the ordering policy plugin, or null
   */
  public record PriorityBand(
      Integer priority,
      Quantity maxBytes,
      Long maxRequests,
      String fairnessPolicyRef,
      String orderingPolicyRef) {}
}
