package dev.inferencegateway.epp.core.config;

import dev.inferencegateway.epp.core.datalayer.DataSource;
import dev.inferencegateway.epp.core.datalayer.Extractor;
import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.parser.Parser;
import dev.inferencegateway.epp.core.plugin.DataKey;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.request.ByteSlice;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.request.RequestBody;
import dev.inferencegateway.epp.core.request.Usage;
import dev.inferencegateway.epp.core.requestcontrol.Admitter;
import dev.inferencegateway.epp.core.requestcontrol.DataProducer;
import dev.inferencegateway.epp.core.requestcontrol.PreRequest;
import dev.inferencegateway.epp.core.requestcontrol.ResponseBodyProcessor;
import dev.inferencegateway.epp.core.requestcontrol.ResponseHeaderProcessor;
import dev.inferencegateway.epp.core.requestcontrol.SaturationDetector;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.Filter;
import dev.inferencegateway.epp.core.scheduling.Picker;
import dev.inferencegateway.epp.core.scheduling.ProfileHandler;
import dev.inferencegateway.epp.core.scheduling.ProfileRunResult;
import dev.inferencegateway.epp.core.scheduling.SchedulerProfile;
import dev.inferencegateway.epp.core.scheduling.SchedulingException;
import dev.inferencegateway.epp.core.scheduling.SchedulingResult;
import dev.inferencegateway.epp.core.scheduling.ScoredEndpoint;
import dev.inferencegateway.epp.core.scheduling.Scorer;
import dev.inferencegateway.epp.core.scheduling.ScorerCategory;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Small plugins for loader tests, one class per role; each remembers its parsed parameters. */
final class TestPlugins {
  static final DataKey<PrefixMatch> PREFIX_MATCH = DataKey.of("PrefixCacheMatchInfo", PrefixMatch.class);
  static final DataKey<Long> IN_FLIGHT = DataKey.of("InFlightLoad", Long.class);
  static final DataKey<String> CYCLE_A = DataKey.of("CycleA", String.class);
  static final DataKey<String> CYCLE_B = DataKey.of("CycleB", String.class);
  static final DataKey<String> ORPHAN = DataKey.of("OrphanKey", String.class);
  static final DataKey<String> CHAINED = DataKey.of("ChainedKey", String.class);

  private TestPlugins() {}

  /** The value type of the prefix-match key. */
  record PrefixMatch(int matchBlocks, int totalBlocks) {}

  /** Raw scrape output handed from the metrics source to the metrics extractor. */
  record RawMetrics(String text) {}

  /** A plugin that keeps its parameters for assertions. */
  abstract static class Base implements dev.inferencegateway.epp.core.plugin.Plugin {
    private final TypedName typedName;
    private final Object parameters;

    Base(TypedName typedName, Object parameters) {
      this.typedName = typedName;
      this.parameters = parameters;
    }

    @Override
    public TypedName typedName() {
      return typedName;
    }

    Object parameters() {
      return parameters;
    }
  }

  /** A scorer that returns a fixed score and consumes the given keys. */
  static final class FixedScorer extends Base implements Scorer {
    private final Set<DataKey<?>> consumes;

    FixedScorer(TypedName name, Object parameters, Set<DataKey<?>> consumes) {
      super(name, parameters);
      this.consumes = consumes;
    }

    @Override
    public ScorerCategory category() {
      return ScorerCategory.DISTRIBUTION;
    }

    @Override
    public double[] score(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
      return new double[candidates.size()];
    }

    @Override
    public Set<DataKey<?>> consumes() {
      return consumes;
    }
  }

  /** A filter that keeps every endpoint. */
  static final class PassFilter extends Base implements Filter {
    PassFilter(TypedName name, Object parameters) {
      super(name, parameters);
    }

    @Override
    public List<Endpoint> filter(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
      return candidates;
    }
  }

  /** A picker that returns the highest score, first one on ties. */
  static final class TopPicker extends Base implements Picker {
    TopPicker(TypedName name, Object parameters) {
      super(name, parameters);
    }

    @Override
    public ProfileRunResult pick(CycleState state, List<ScoredEndpoint> scored) {
      return ProfileRunResult.of(List.of(scored.stream()
          .max(Comparator.comparingDouble(ScoredEndpoint::score)).orElseThrow().endpoint()));
    }
  }

  /** Runs every profile once and makes the first profile primary. */
  static final class AllProfilesHandler extends Base implements ProfileHandler {
    AllProfilesHandler(TypedName name, Object parameters) {
      super(name, parameters);
    }

    @Override
    public Map<String, SchedulerProfile> pick(CycleState state, InferenceRequest request,
        Map<String, SchedulerProfile> profiles, Map<String, ProfileRunResult> results) {
      return results.isEmpty() ? profiles : Map.of();
    }

    @Override
    public SchedulingResult processResults(CycleState state, InferenceRequest request,
        Map<String, ProfileRunResult> results) throws SchedulingException {
      String primary = results.keySet().iterator().next();
      if (!results.get(primary).succeeded()) {
        throw new SchedulingException("failed to run scheduler profile '" + primary + "'");
      }
      return new SchedulingResult(results, primary);
    }
  }

  /** A data producer (and pre-request hook) with declared keys. */
  static final class KeyProducer extends Base implements DataProducer, PreRequest {
    private final Set<DataKey<?>> produces;
    private final Set<DataKey<?>> consumes;

    KeyProducer(TypedName name, Object parameters, Set<DataKey<?>> produces, Set<DataKey<?>> consumes) {
      super(name, parameters);
      this.produces = produces;
      this.consumes = consumes;
    }

    @Override
    public Set<DataKey<?>> produces() {
      return produces;
    }

    @Override
    public Set<DataKey<?>> consumes() {
      return consumes;
    }
  }

  /** A data source with a declared output type. */
  static final class TypedSource extends Base implements DataSource {
    private final Class<?> output;

    TypedSource(TypedName name, Object parameters, Class<?> output) {
      super(name, parameters);
      this.output = output;
    }

    @Override
    public Class<?> outputType() {
      return output;
    }
  }

  /** An extractor of raw metrics. */
  static final class MetricsExtractor extends Base implements Extractor {
    MetricsExtractor(TypedName name, Object parameters) {
      super(name, parameters);
    }

    @Override
    public Class<?> inputType() {
      return RawMetrics.class;
    }
  }

  /** A parser that treats every body as opaque. */
  static final class OpaqueParser extends Base implements Parser {
    OpaqueParser(TypedName name, Object parameters) {
      super(name, parameters);
    }

    @Override
    public RequestBody parseRequest(Map<String, String> headers, byte[] body) {
      return RequestBody.opaque(body);
    }

    @Override
    public RequestBody withModel(RequestBody body, String model) {
      return body;
    }

    @Override
    public Optional<Usage> extractUsage(ByteSlice data, boolean streaming) {
      return Optional.empty();
    }
  }

  /** A saturation detector that is also a filter, as upstream's utilization detector. */
  static final class Detector extends Base implements SaturationDetector, Filter {
    Detector(TypedName name, Object parameters) {
      super(name, parameters);
    }

    @Override
    public double saturation(List<Endpoint> candidates) {
      return candidates.isEmpty() ? 1.0 : 0.0;
    }

    @Override
    public List<Endpoint> filter(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
      return candidates;
    }
  }

  /** An admitter that is also a response header and body processor. */
  static final class Hooks extends Base implements Admitter, ResponseHeaderProcessor, ResponseBodyProcessor {
    Hooks(TypedName name, Object parameters) {
      super(name, parameters);
    }
  }
}
