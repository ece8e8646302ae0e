package dev.inferencegateway.epp.plugins.profile.single;

import dev.inferencegateway.epp.core.plugin.NoParameters;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.ProfileHandler;
import dev.inferencegateway.epp.core.scheduling.ProfileRunResult;
import dev.inferencegateway.epp.core.scheduling.SchedulerProfile;
import dev.inferencegateway.epp.core.scheduling.SchedulingException;
import dev.inferencegateway.epp.core.scheduling.SchedulingResult;
import dev.inferencegateway.epp.plugins.NamedPlugin;
import java.util.Map;

/** The {@code single-profile-handler}: one profile, always the primary. */
public final class SingleProfileHandler extends NamedPlugin implements ProfileHandler {
  /** The registered type name. */
  public static final String TYPE = "single-profile-handler";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<NoParameters> DESCRIPTOR = PluginDescriptor.withoutParameters(
      TYPE, (name, params, handle) -> new SingleProfileHandler(name)).build();

  /** Creates the handler with the given instance name. */
  public SingleProfileHandler(String name) {
    super(TYPE, name);
  }

  @Override
  public Map<String, SchedulerProfile> pick(CycleState state, InferenceRequest request,
      Map<String, SchedulerProfile> profiles, Map<String, ProfileRunResult> results) {
    return results.size() >= profiles.size() ? Map.of() : profiles;
  }

  @Override
  public SchedulingResult processResults(CycleState state, InferenceRequest request,
      Map<String, ProfileRunResult> results) throws SchedulingException {
    if (results.size() != 1) {
      throw new SchedulingException("single profile handler is intended to be used with a single"
          + " profile, failed to process " + results.size() + " profiles");
    }
    Map.Entry<String, ProfileRunResult> only = results.entrySet().iterator().next();
    if (!only.getValue().succeeded()) {
      throw new SchedulingException("failed to run scheduler profile '" + only.getKey() + "'");
    }
    return new SchedulingResult(results, only.getKey());
  }
}
