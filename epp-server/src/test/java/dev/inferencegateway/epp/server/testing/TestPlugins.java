package dev.inferencegateway.epp.server.testing;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.request.InferenceResponse;
import dev.inferencegateway.epp.core.requestcontrol.Admitter;
import dev.inferencegateway.epp.core.requestcontrol.ResponseBodyProcessor;
import dev.inferencegateway.epp.core.requestcontrol.ResponseHeaderProcessor;
import dev.inferencegateway.epp.core.requestcontrol.SaturationDetector;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.Picker;
import dev.inferencegateway.epp.core.scheduling.ProfileHandler;
import dev.inferencegateway.epp.core.scheduling.ProfileRunResult;
import dev.inferencegateway.epp.core.scheduling.SchedulerProfile;
import dev.inferencegateway.epp.core.scheduling.SchedulingResult;
import dev.inferencegateway.epp.core.scheduling.ScoredEndpoint;
import dev.inferencegateway.epp.core.scheduling.Scorer;
import dev.inferencegateway.epp.core.scheduling.ScorerCategory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Small deterministic plugins for server tests (the production plugins live in epp-scorers). */
public final class TestPlugins {
  private TestPlugins() {}

  /** Runs the single configured profile once. */
  public static final class OneProfile implements ProfileHandler {
    @Override
    public TypedName typedName() {
      return TypedName.of("test-profile-handler");
    }

    @Override
    public Map<String, SchedulerProfile> pick(CycleState state, InferenceRequest request,
        Map<String, SchedulerProfile> profiles, Map<String, ProfileRunResult> results) {
      return results.isEmpty() ? profiles : Map.of();
    }

    @Override
    public SchedulingResult processResults(CycleState state, InferenceRequest request,
        Map<String, ProfileRunResult> results) {
      return new SchedulingResult(results, results.keySet().iterator().next());
    }
  }

  /** Drops the pods named in the comma-separated request header {@code x-test-drop}. */
  public static final class HeaderDropFilter implements dev.inferencegateway.epp.core.scheduling.Filter {
    @Override
    public TypedName typedName() {
      return TypedName.of("test-drop-filter");
    }

    @Override
    public List<Endpoint> filter(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
      List<String> drop = request.header("x-test-drop").map(v -> List.of(v.split(","))).orElse(List.of());
      return candidates.stream().filter(e -> !drop.contains(e.metadata().podName())).toList();
    }
  }

  /** Scores 1 for the shortest queue down to 0 for the longest. */
  public static final class ShortestQueue implements Scorer {
    @Override
    public TypedName typedName() {
      return TypedName.of("test-queue-scorer");
    }

    @Override
    public ScorerCategory category() {
      return ScorerCategory.DISTRIBUTION;
    }

    @Override
    public double[] score(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
      int max = candidates.stream().mapToInt(e -> e.metrics().waitingQueueSize()).max().orElse(0);
      return candidates.stream()
          .mapToDouble(e -> max == 0 ? 1.0 : 1.0 - (double) e.metrics().waitingQueueSize() / max).toArray();
    }
  }

  /** Picks the {@code count} best endpoints, ties kept in candidate order. */
  public static final class Best implements Picker {
    private final int count;

    public Best(int count) {
      this.count = count;
    }

    @Override
    public TypedName typedName() {
      return TypedName.of("test-picker");
    }

    @Override
    public ProfileRunResult pick(CycleState state, List<ScoredEndpoint> scored) {
      List<ScoredEndpoint> sorted = new ArrayList<>(scored);
      sorted.sort(Comparator.comparingDouble(ScoredEndpoint::score).reversed());
      return ProfileRunResult.of(sorted.stream().limit(count).map(ScoredEndpoint::endpoint).toList());
    }
  }

  /** Reports a settable saturation. */
  public static final class FixedSaturation implements SaturationDetector {
    public volatile double value;

    @Override
    public TypedName typedName() {
      return TypedName.of("test-saturation");
    }

    @Override
    public double saturation(List<Endpoint> candidates) {
      return candidates.isEmpty() ? 1.0 : value;
    }
  }

  /** Refuses every request while {@code deny} is set. */
  public static final class SwitchAdmitter implements Admitter {
    public volatile boolean deny;

    @Override
    public TypedName typedName() {
      return TypedName.of("test-admitter");
    }

    @Override
    public Optional<String> admitRequest(InferenceRequest request, List<Endpoint> candidates) {
      return deny ? Optional.of("denied by test") : Optional.empty();
    }
  }

  /** Copies the served endpoint into a response header, as upstream's conformance verifier. */
  public static final class ServedEndpointHeader implements ResponseHeaderProcessor {
    @Override
    public TypedName typedName() {
      return TypedName.of("destination-endpoint-served-verifier");
    }

    @Override
    public void responseHeader(InferenceRequest request, InferenceResponse response) {
      response.servedEndpoint().ifPresent(e -> response.setHeader("x-conformance-test-served-endpoint", e.hostPort()));
    }
  }

  /** Records every body call and reports the final usage as dynamic metadata. */
  public static final class RecordingBodyPlugin implements ResponseBodyProcessor {
    public final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public TypedName typedName() {
      return TypedName.of("test-body-recorder");
    }

    @Override
    public void responseBody(InferenceRequest request, InferenceResponse response) {
      calls.add((response.startOfStream() ? "first:" : "") + (response.endOfStream() ? "end:" : "")
          + response.chunk().utf8());
      if (response.endOfStream()) {
        response.usage().ifPresent(u -> response.putDynamicMetadata("envoy.lb", "completion_tokens",
            u.completionTokens()));
      }
    }
  }
}
