package dev.inferencegateway.epp.core.director;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.parser.Parser;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.request.ApiType;
import dev.inferencegateway.epp.core.request.ByteSlice;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.request.RequestBody;
import dev.inferencegateway.epp.core.request.Usage;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.Filter;
import dev.inferencegateway.epp.core.scheduling.Picker;
import dev.inferencegateway.epp.core.scheduling.ProfileHandler;
import dev.inferencegateway.epp.core.scheduling.ProfileRunResult;
import dev.inferencegateway.epp.core.scheduling.SchedulerProfile;
import dev.inferencegateway.epp.core.scheduling.SchedulingResult;
import dev.inferencegateway.epp.core.scheduling.ScoredEndpoint;
import dev.inferencegateway.epp.core.scheduling.Scorer;
import dev.inferencegateway.epp.core.scheduling.ScorerCategory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Minimal plugins for director tests: a parser, a single-profile handler, a queue scorer and a top-N picker. */
final class DirectorFixtures {
  private DirectorFixtures() {}

  /** Parses {@code model=<name>;...} bodies; rewrites by text replacement. */
  static final class TextParser implements Parser {
    @Override
    public TypedName typedName() {
      return TypedName.of("text-parser");
    }

    @Override
    public RequestBody parseRequest(Map<String, String> headers, byte[] body) {
      String text = new String(body, StandardCharsets.UTF_8);
      String model = text.startsWith("model=") ? text.substring(6, text.indexOf(';')) : null;
      return new RequestBody(ApiType.COMPLETIONS, ByteSlice.of(body), Optional.ofNullable(model), false,
          Optional.empty(), ByteSlice.of(body));
    }

    @Override
    public RequestBody withModel(RequestBody body, String model) {
      String text = body.raw().utf8();
      String rest = text.substring(text.indexOf(';'));
      byte[] raw = ("model=" + model + rest).getBytes(StandardCharsets.UTF_8);
      return new RequestBody(body.apiType(), ByteSlice.of(raw), Optional.of(model), body.stream(),
          body.cacheSalt(), body.promptBytes());
    }

    @Override
    public Optional<Usage> extractUsage(ByteSlice data, boolean streaming) {
      return Optional.empty();
    }
  }

  static RequestBody body(String model) {
    return new TextParser().parseRequest(Map.of(), ("model=" + model + ";prompt=hi").getBytes(StandardCharsets.UTF_8));
  }

  /** Runs every profile once; the first configured profile is primary. */
  static final class SingleProfileHandler implements ProfileHandler {
    @Override
    public TypedName typedName() {
      return TypedName.of("single-profile-handler");
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

  /** Scores 1 for the lowest queue, 0 for the highest. */
  static final class QueueScorer implements Scorer {
    final List<List<Endpoint>> seen = new CopyOnWriteArrayList<>();

    @Override
    public TypedName typedName() {
      return TypedName.of("queue-scorer");
    }

    @Override
    public ScorerCategory category() {
      return ScorerCategory.DISTRIBUTION;
    }

    @Override
    public double[] score(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
      seen.add(candidates);
      int max = candidates.stream().mapToInt(e -> e.metrics().waitingQueueSize()).max().orElse(0);
      return candidates.stream().mapToDouble(e -> max == 0 ? 1 : 1 - (double) e.metrics().waitingQueueSize() / max)
          .toArray();
    }
  }

  /** Removes every endpoint whose pod name is listed in header {@code x-drop}. */
  static final class DropFilter implements Filter {
    @Override
    public TypedName typedName() {
      return TypedName.of("drop-filter");
    }

    @Override
    public List<Endpoint> filter(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
      List<String> drop = request.header("x-drop").map(v -> List.of(v.split(","))).orElse(List.of());
      return candidates.stream().filter(e -> !drop.contains(e.metadata().podName())).toList();
    }
  }

  /** Picks the {@code n} best endpoints, best first. */
  static final class TopPicker implements Picker {
    private final int n;

    TopPicker(int n) {
      this.n = n;
    }

    @Override
    public TypedName typedName() {
      return TypedName.of("top-picker");
    }

    @Override
    public ProfileRunResult pick(CycleState state, List<ScoredEndpoint> scored) {
      List<ScoredEndpoint> sorted = new ArrayList<>(scored);
      sorted.sort(Comparator.comparingDouble(ScoredEndpoint::score).reversed());
      return ProfileRunResult.of(sorted.stream().limit(n).map(ScoredEndpoint::endpoint).toList());
    }
  }

  /** Records the metric calls the director makes. */
  static final class RecordingMetrics implements MetricsRecorder {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void pluginDuration(String extensionPoint, TypedName plugin, long nanos) {
      events.add("plugin:" + extensionPoint + ":" + plugin.name());
    }

    @Override
    public void schedulerAttempt(boolean success, String targetModel,
        dev.inferencegateway.epp.core.endpoint.EndpointMetadata endpoint) {
      events.add("attempt:" + success + ":" + targetModel + ":" + (endpoint == null ? "-" : endpoint.podName()));
    }

    @Override
    public void modelRewriteDecision(String rewriteName, String modelName, String targetModel) {
      events.add("rewrite:" + rewriteName + ":" + modelName + ":" + targetModel);
    }
  }
}
