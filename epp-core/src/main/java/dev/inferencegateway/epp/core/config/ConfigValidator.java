package dev.inferencegateway.epp.core.config;

import dev.inferencegateway.epp.core.config.EndpointPickerConfig.PluginSpec;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.ProfilePlugin;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.SchedulingProfile;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks the references of the completed configuration: every profile has a unique, non-empty
 * name and references only defined plugins.
 */
final class ConfigValidator {
  private ConfigValidator() {}

  /**
   * Validates the scheduling profiles.
   *
   * @throws ConfigException in upstream's wording, at the offending entry
   */
  static void validate(WorkingConfig working, ConfigErrors errors) {
    Set<String> defined = new HashSet<>();
    for (PluginSpec spec : working.plugins) {
      defined.add(spec.name());
    }
    Set<String> profileNames = new HashSet<>();
    for (int i = 0; i < working.profiles.size(); i++) {
      SchedulingProfile profile = working.profiles.get(i);
      if (profile.name() == null || profile.name().isEmpty()) {
        throw errors.at(working.profilePath(i), ConfigErrors.PROFILES + "schedulingProfiles[" + i
            + "] is missing a name");
      }
      if (!profileNames.add(profile.name())) {
        throw errors.at(ConfigErrors.child(working.profilePath(i), ".name"), ConfigErrors.PROFILES + "schedulingProfiles["
            + i + "] has duplicate name '" + profile.name() + "'");
      }
      for (int j = 0; j < profile.plugins().size(); j++) {
        ProfilePlugin ref = profile.plugins().get(j);
        String path = working.profileEntryPath(i, j);
        if (ref.pluginRef() == null || ref.pluginRef().isEmpty()) {
          throw errors.at(path, ConfigErrors.PROFILES + "schedulingProfiles[" + profile.name()
              + "].plugins[" + j + "] is missing a 'pluginRef'");
        }
        if (!defined.contains(ref.pluginRef())) {
          throw errors.at(ConfigErrors.child(path, ".pluginRef"), ConfigErrors.PROFILES
              + "schedulingProfiles[" + profile.name() + "] references undefined plugin '"
              + ref.pluginRef() + "'");
        }
      }
    }
  }
}
