package dev.inferencegateway.epp.core.scheduling;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Runs one scheduling cycle: the profile handler picks profiles in rounds, each picked profile
 * runs over the candidates, and the handler turns the results into a {@link SchedulingResult}.
 */
public final class Scheduler {
  private final ProfileHandler handler;
  private final Map<String, SchedulerProfile> profiles;
  private final MetricsRecorder metrics;
  private final LongSupplier nanoClock;

  /** Creates a scheduler over the given profiles, keyed by name in configuration order. */
  public Scheduler(ProfileHandler handler, Map<String, SchedulerProfile> profiles,
      MetricsRecorder metrics, LongSupplier nanoClock) {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.profiles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    if (profiles.isEmpty()) {
      throw new IllegalArgumentException("at least one scheduling profile is required");
    }
  }

  /** Returns the profile handler. */
  public ProfileHandler handler() {
    return handler;
  }

  /** Returns the profiles by name, in configuration order. */
  public Map<String, SchedulerProfile> profiles() {
    return profiles;
  }

  /**
   * Schedules one request.
   *
   * @throws SchedulingException when no profile ran or the handler rejects the results
   */
  public SchedulingResult schedule(InferenceRequest request, List<Endpoint> candidates)
      throws SchedulingException {
    long cycleStart = nanoClock.getAsLong();
    try {
      CycleState state = new CycleState();
      Map<String, ProfileRunResult> results = new LinkedHashMap<>();
      while (true) {
        long start = nanoClock.getAsLong();
        Map<String, SchedulerProfile> picked = handler.pick(state, request, profiles, results);
        metrics.pluginDuration("ProfilePicker", handler.typedName(), nanoClock.getAsLong() - start);
        if (picked.isEmpty()) {
          break;
        }
        boolean ranAny = false;
        for (Map.Entry<String, SchedulerProfile> entry : picked.entrySet()) {
          if (results.containsKey(entry.getKey())) {
            continue;
          }
          results.put(entry.getKey(), entry.getValue().run(state, request, candidates));
          ranAny = true;
        }
        if (!ranAny) {
          break;
        }
      }
      if (results.isEmpty()) {
        throw new SchedulingException("no profiles were run");
      }
      long start = nanoClock.getAsLong();
      SchedulingResult result = handler.processResults(state, request, results);
      metrics.pluginDuration("ProcessProfilesResults", handler.typedName(), nanoClock.getAsLong() - start);
      return result;
    } finally {
      metrics.schedulerE2eDuration(nanoClock.getAsLong() - cycleStart);
    }
  }
}
