package dev.inferencegateway.epp.core.config;

import dev.inferencegateway.epp.core.config.EndpointPickerConfig.ProfilePlugin;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.SchedulingProfile;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.plugin.PluginEnvironment;
import dev.inferencegateway.epp.core.scheduling.Filter;
import dev.inferencegateway.epp.core.scheduling.Picker;
import dev.inferencegateway.epp.core.scheduling.ProfileHandler;
import dev.inferencegateway.epp.core.scheduling.Scheduler;
import dev.inferencegateway.epp.core.scheduling.SchedulerProfile;
import dev.inferencegateway.epp.core.scheduling.Scorer;
import dev.inferencegateway.epp.core.scheduling.WeightedScorer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link Scheduler} from the completed profiles: each plugin goes to its slot (filter,
 * weighted scorer, the one picker) and exactly one profile handler drives the profiles.
 */
final class SchedulerBuilder {
  private SchedulerBuilder() {}

  /**
   * Builds the scheduler.
   *
   * @throws ConfigException in upstream's wording when a profile or the handler is invalid
   */
  static Scheduler build(WorkingConfig working, LoaderPluginHandle handle, PluginEnvironment env,
      ConfigErrors errors) {
    Map<String, SchedulerProfile> profiles = new LinkedHashMap<>();
    for (int i = 0; i < working.profiles.size(); i++) {
      SchedulingProfile profile = working.profiles.get(i);
      List<Filter> filters = new ArrayList<>();
      List<WeightedScorer> scorers = new ArrayList<>();
      Picker picker = null;
      for (int j = 0; j < profile.plugins().size(); j++) {
        ProfilePlugin ref = profile.plugins().get(j);
        String path = working.profileEntryPath(i, j);
        String failure = ConfigErrors.SCHEDULER + "failed to add plugin '" + ref.pluginRef()
            + "' to profile '" + profile.name() + "': ";
        Plugin plugin = handle.plugin(ref.pluginRef()).orElseThrow(() -> errors.at(path, failure
            + "plugin not found"));
        if (!(plugin instanceof Filter || plugin instanceof Scorer || plugin instanceof Picker)) {
          throw errors.at(path, failure + PluginInstantiator.describe(plugin)
              + " is not a filter, scorer or picker");
        }
        if (plugin instanceof Filter filter) {
          filters.add(filter);
        }
        if (plugin instanceof Scorer scorer) {
          scorers.add(new WeightedScorer(scorer, ref.weight() == null
              ? SystemDefaults.DEFAULT_SCORER_WEIGHT : ref.weight()));
        } else if (ref.weight() != null) {
          throw errors.at(ConfigErrors.child(path, ".weight"), failure + "a weight is set but "
              + PluginInstantiator.describe(plugin) + " is not a scorer");
        }
        if (plugin instanceof Picker p) {
          if (picker != null) {
            throw errors.at(path, failure + "already have a registered picker plugin");
          }
          picker = p;
        }
      }
      profiles.put(profile.name(), new SchedulerProfile(profile.name(), filters, scorers, picker,
          env.metrics(), env.nanoClock()));
    }
    ProfileHandler handler = null;
    for (ProfileHandler candidate : handle.pluginsOf(ProfileHandler.class)) {
      if (handler != null) {
        throw errors.at(working.pluginPath(candidate.typedName().name()), ConfigErrors.SCHEDULER
            + "multiple profile handlers found ('" + handler.typedName().name() + "', '"
            + candidate.typedName().name() + "'); only one is allowed");
      }
      handler = candidate;
    }
    if (handler == null) {
      throw errors.at(null, ConfigErrors.SCHEDULER + "no profile handler configured");
    }
    if (handler.typedName().type().equals(SystemDefaults.SINGLE_PROFILE_HANDLER) && profiles.size() > 1) {
      throw errors.at(working.pluginPath(handler.typedName().name()), ConfigErrors.SCHEDULER
          + "SingleProfileHandler cannot support multiple scheduling profiles");
    }
    return new Scheduler(handler, profiles, env.metrics(), env.nanoClock());
  }
}
