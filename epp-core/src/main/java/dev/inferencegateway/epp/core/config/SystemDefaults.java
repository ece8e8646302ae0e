package dev.inferencegateway.epp.core.config;

import dev.inferencegateway.epp.core.config.EndpointPickerConfig.DataLayer;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.DataLayerSource;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.PluginRef;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.ProfilePlugin;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.SchedulingProfile;
import dev.inferencegateway.epp.core.datalayer.DataSource;
import dev.inferencegateway.epp.core.datalayer.Extractor;
import dev.inferencegateway.epp.core.parser.Parser;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.requestcontrol.SaturationDetector;
import dev.inferencegateway.epp.core.scheduling.Filter;
import dev.inferencegateway.epp.core.scheduling.Picker;
import dev.inferencegateway.epp.core.scheduling.ProfileHandler;
import dev.inferencegateway.epp.core.scheduling.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Completes the configuration with upstream's system defaults, in upstream's order: a generated
 * profile, {@value #SINGLE_PROFILE_HANDLER}, {@value #MAX_SCORE_PICKER}, pickers and scorer
 * weights in profiles, the parser, the saturation detector and the data layer.
 *
 * <p>Default plugins are created through the registry by type name.
 */
final class SystemDefaults {
  static final String DEFAULT_PROFILE = "default";
  static final String SINGLE_PROFILE_HANDLER = "single-profile-handler";
  static final String MAX_SCORE_PICKER = "max-score-picker";
  static final String OPENAI_PARSER = "openai-parser";
  static final String UTILIZATION_DETECTOR = "utilization-detector";
  static final String METRICS_DATA_SOURCE = "metrics-data-source";
  static final String CORE_METRICS_EXTRACTOR = "core-metrics-extractor";
  static final double DEFAULT_SCORER_WEIGHT = 1.0;

  private final WorkingConfig working;
  private final LoaderPluginHandle handle;
  private final PluginInstantiator instantiator;
  private final ConfigErrors errors;

  SystemDefaults(WorkingConfig working, LoaderPluginHandle handle, PluginInstantiator instantiator,
      ConfigErrors errors) {
    this.working = working;
    this.handle = handle;
    this.instantiator = instantiator;
    this.errors = errors;
  }

  /** Applies every default. */
  void apply() {
    ensureSchedulingLayer();
    ensureParser();
    ensureSaturationDetector();
    ensureDataLayer();
  }

  private void ensureSchedulingLayer() {
    if (working.profiles.isEmpty()) {
      List<ProfilePlugin> refs = handle.plugins().values().stream()
          .filter(p -> p instanceof Filter || p instanceof Scorer || p instanceof Picker)
          .map(p -> new ProfilePlugin(p.typedName().name(), null))
          .toList();
      working.profiles.add(new SchedulingProfile(DEFAULT_PROFILE, refs));
    }
    if (working.profiles.size() == 1 && handle.pluginsOf(ProfileHandler.class).isEmpty()) {
      instantiator.createDefault(SINGLE_PROFILE_HANDLER, ProfileHandler.class, ConfigErrors.DEFAULTS,
          "the profile handler of a single profile");
    }
    if (handle.pluginsOf(Picker.class).isEmpty()) {
      instantiator.createDefault(MAX_SCORE_PICKER, Picker.class, ConfigErrors.DEFAULTS,
          "the picker of profiles without one");
    }
    List<Picker> pickers = handle.pluginsOf(Picker.class);
    for (int i = 0; i < working.profiles.size(); i++) {
      SchedulingProfile profile = working.profiles.get(i);
      List<ProfilePlugin> refs = new ArrayList<>();
      boolean hasPicker = false;
      for (ProfilePlugin ref : profile.plugins()) {
        Plugin plugin = ref.pluginRef() == null ? null : handle.plugin(ref.pluginRef()).orElse(null);
        boolean scorer = plugin instanceof Scorer;
        refs.add(scorer && ref.weight() == null ? new ProfilePlugin(ref.pluginRef(), DEFAULT_SCORER_WEIGHT) : ref);
        hasPicker |= plugin instanceof Picker;
      }
      if (!hasPicker) {
        if (pickers.size() > 1) {
          throw errors.at(working.profilePath(i), ConfigErrors.DEFAULTS + "scheduling profile '"
              + profile.name() + "' has no picker and several pickers are configured ("
              + pickers.stream().map(p -> "'" + p.typedName().name() + "'").collect(Collectors.joining(", "))
              + "); add one of them to the profile");
        }
        refs.add(new ProfilePlugin(pickers.get(0).typedName().name(), null));
      }
      working.profiles.set(i, new SchedulingProfile(profile.name(), refs));
    }
  }

  private void ensureParser() {
    if (working.parser == null) {
      working.parser = new PluginRef(existingOfType(OPENAI_PARSER).orElse(OPENAI_PARSER));
    }
    if (working.parser.pluginRef() != null && working.parser.pluginRef().equals(OPENAI_PARSER)
        && handle.plugin(OPENAI_PARSER).isEmpty()) {
      instantiator.createDefault(OPENAI_PARSER, Parser.class, ConfigErrors.DEFAULTS, "the request parser");
    }
  }

  private void ensureSaturationDetector() {
    if (working.saturationDetector != null) {
      return;
    }
    String name = existingOfType(UTILIZATION_DETECTOR).orElseGet(() -> instantiator.createDefault(
        UTILIZATION_DETECTOR, SaturationDetector.class, ConfigErrors.DEFAULTS, "the saturation detector")
        .typedName().name());
    working.saturationDetector = new PluginRef(name);
  }

  private void ensureDataLayer() {
    if (working.dataLayer != null) {
      return;
    }
    String source = existingOfType(METRICS_DATA_SOURCE).orElseGet(() -> instantiator.createDefault(
        METRICS_DATA_SOURCE, DataSource.class, ConfigErrors.DEFAULTS, "the default data source")
        .typedName().name());
    String extractor = existingOfType(CORE_METRICS_EXTRACTOR).orElseGet(() -> instantiator.createDefault(
        CORE_METRICS_EXTRACTOR, Extractor.class, ConfigErrors.DEFAULTS, "the default metrics extractor")
        .typedName().name());
    working.dataLayer = new DataLayer(List.of(new DataLayerSource(source, List.of(new PluginRef(extractor)))));
  }

  private Optional<String> existingOfType(String type) {
    return handle.plugins().values().stream()
        .filter(p -> p.typedName().type().equals(type))
        .map(p -> p.typedName().name())
        .findFirst();
  }
}
