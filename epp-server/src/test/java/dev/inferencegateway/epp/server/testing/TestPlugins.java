package dev.inferencegateway.epp.server.testing;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.request.InferenceResponse;
import dev.inferencegateway.epp.core.requestcontrol.Admitter;
import dev.inferencegateway.epp.core.requestcontrol.ResponseBodyProcessor;
import dev.inferencegateway.epp.core.requestcontrol.SaturationDetector;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Small deterministic plugins for server tests (the production plugins live in epp-scorers). */
public final class TestPlugins {
  private TestPlugins() {}

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
