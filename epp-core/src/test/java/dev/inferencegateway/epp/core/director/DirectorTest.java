package dev.inferencegateway.epp.core.director;

import static dev.inferencegateway.epp.core.director.DirectorFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.datastore.ModelRewrite;
import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.core.director.DirectorFixtures.DropFilter;
import dev.inferencegateway.epp.core.director.DirectorFixtures.QueueScorer;
import dev.inferencegateway.epp.core.director.DirectorFixtures.RecordingMetrics;
import dev.inferencegateway.epp.core.director.DirectorFixtures.SingleProfileHandler;
import dev.inferencegateway.epp.core.director.DirectorFixtures.TextParser;
import dev.inferencegateway.epp.core.director.DirectorFixtures.TopPicker;
import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.request.ErrorCode;
import dev.inferencegateway.epp.core.request.InferenceException;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.requestcontrol.Admitter;
import dev.inferencegateway.epp.core.requestcontrol.PreRequest;
import dev.inferencegateway.epp.core.requestcontrol.SaturationDetector;
import dev.inferencegateway.epp.core.scheduling.Scheduler;
import dev.inferencegateway.epp.core.scheduling.SchedulerProfile;
import dev.inferencegateway.epp.core.scheduling.SchedulingResult;
import dev.inferencegateway.epp.core.scheduling.WeightedScorer;
import dev.inferencegateway.epp.core.testing.FakeDatastore;
import dev.inferencegateway.epp.core.testing.TestEndpoints;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DirectorTest {
  private final FakeDatastore datastore = new FakeDatastore().endpoints(List.of(
      snapshot("pod1", "10.0.0.1", 3), snapshot("pod2", "10.0.0.2", 0), snapshot("pod3", "10.0.0.3", 10)));
  private final RecordingMetrics metrics = new RecordingMetrics();
  private final QueueScorer scorer = new QueueScorer();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final AtomicLong nanos = new AtomicLong();

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  private static EndpointSnapshot snapshot(String pod, String ip, int queue) {
    return new EndpointSnapshot(TestEndpoints.metadata(pod, ip), TestEndpoints.metrics(queue, 0.1));
  }

  private Scheduler scheduler(int endpoints) {
    SchedulerProfile profile = new SchedulerProfile("default", List.of(new DropFilter()),
        List.of(new WeightedScorer(scorer, 1.0)), new TopPicker(endpoints), metrics, nanos::get);
    return new Scheduler(new SingleProfileHandler(), Map.of("default", profile), metrics, nanos::get);
  }

  private Director director(RequestPipeline pipeline, DirectorOptions options) {
    return new Director(datastore, pipeline, options, metrics, new Random(7), nanos::get, timer);
  }

  private Director director() {
    return director(pipeline(Optional.empty(), List.of(), List.of(), List.of()), DirectorOptions.DEFAULTS);
  }

  private RequestPipeline pipeline(Optional<SaturationDetector> detector,
      List<dev.inferencegateway.epp.core.requestcontrol.DataProducer> producers, List<Admitter> admitters,
      List<PreRequest> preRequests) {
    return new RequestPipeline(new TextParser(), detector, producers, admitters, scheduler(1), preRequests,
        List.of(), List.of());
  }

  private static DirectorResult route(Director director, Map<String, String> headers) {
    return director.handleRequest("req-1", headers, body("food-review"), Optional.empty());
  }

  private static void assertError(Runnable call, ErrorCode code, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(InferenceException.class, e -> {
      assertThat(e.errorCode()).isEqualTo(code);
      assertThat(e.getMessage()).isEqualTo(message);
    });
  }

  @Test
  void routesToTheBestEndpointAndListsFallbacks() {
    Director director = director(new RequestPipeline(new TextParser(), Optional.empty(), List.of(), List.of(),
        scheduler(3), List.of(), List.of(), List.of()), DirectorOptions.DEFAULTS);

    DirectorResult result = route(director, Map.of());

    assertThat(result.destination()).isEqualTo("10.0.0.2:8000,10.0.0.1:8000,10.0.0.3:8000");
    assertThat(result.request().targetModel()).isEqualTo("food-review");
    assertThat(result.request().priority()).isZero();
    assertThat(result.request().fairnessId()).isEqualTo("default-flow");
    assertThat(result.bodyRewritten()).isFalse();
    assertThat(metrics.events).contains("attempt:true:food-review:pod2");
  }

  @Test
  void eachRequestGetsItsOwnEndpointSnapshots() {
    Director director = director();
    route(director, Map.of());
    route(director, Map.of());

    List<Endpoint> first = scorer.seen.get(0);
    List<Endpoint> second = scorer.seen.get(1);
    assertThat(first).hasSize(3).doesNotContainAnyElementsOf(second);
    assertThat(first.get(0).attributes()).isNotSameAs(second.get(0).attributes());
  }

  @Test
  void subsetHint_missingEmptyMatchingAndNotMatching() {
    Director director = director();

    assertThat(director.handleRequest("r", Map.of(), body("m"), Optional.empty()).destination())
        .isEqualTo("10.0.0.2:8000");
    assertThat(director.handleRequest("r", Map.of(), body("m"), Optional.of(List.of("10.0.0.3:9999", "10.9.9.9:1")))
        .destination()).isEqualTo("10.0.0.3:8000");
    assertError(() -> director.handleRequest("r", Map.of(), body("m"), Optional.of(List.of())),
        ErrorCode.SERVICE_UNAVAILABLE, Director.NO_CANDIDATES);
    assertError(() -> director.handleRequest("r", Map.of(), body("m"), Optional.of(List.of("192.168.9.9:8000"))),
        ErrorCode.SERVICE_UNAVAILABLE, Director.NO_CANDIDATES);
  }

  @Test
  void subsetHint_ignoredWhenTheFilterIsDisabled() {
    Director director = director(pipeline(Optional.empty(), List.of(), List.of(), List.of()),
        new DirectorOptions(false, DirectorOptions.DEFAULT_DATA_PRODUCER_BUDGET));

    assertThat(director.handleRequest("r", Map.of(), body("m"), Optional.of(List.of())).destination())
        .isEqualTo("10.0.0.2:8000");
  }

  @Test
  void subsetHint_matchesIpv6ByAddress() {
    datastore.endpoints(List.of(snapshot("v6", "fd00::1", 0)));
    assertThat(director().handleRequest("r", Map.of(), body("m"), Optional.of(List.of("[fd00::1]:8000")))
        .destination()).isEqualTo("[fd00::1]:8000");
    assertThat(CandidateLocator.hostOf("fd00::2")).isEqualTo("fd00::2");
  }

  @Test
  void emptyPool_is503() {
    datastore.endpoints(List.of());
    assertError(() -> route(director(), Map.of()), ErrorCode.SERVICE_UNAVAILABLE, Director.NO_CANDIDATES);
  }

  @Test
  void sheddableRequests_areDroppedOnlyWhenSaturated() {
    datastore.objective(new Objective("batch", -1)).objective(new Objective("critical", 10));
    double[] saturation = {1.0};
    SaturationDetector detector = new SaturationDetector() {
      @Override
      public TypedName typedName() {
        return TypedName.of("utilization-detector");
      }

      @Override
      public double saturation(List<Endpoint> candidates) {
        return candidates.isEmpty() ? 1.0 : saturation[0];
      }
    };
    Director director = director(pipeline(Optional.of(detector), List.of(), List.of(), List.of()),
        DirectorOptions.DEFAULTS);

    assertError(() -> route(director, Map.of("x-gateway-inference-objective", "batch")),
        ErrorCode.RESOURCE_EXHAUSTED, Director.SATURATED);
    assertError(() -> route(director, Map.of("x-llm-d-inference-objective", "batch")),
        ErrorCode.RESOURCE_EXHAUSTED, Director.SATURATED);
    assertThat(route(director, Map.of("x-gateway-inference-objective", "critical")).request().priority()).isEqualTo(10);
    assertThat(route(director, Map.of("x-gateway-inference-objective", "unknown")).request().priority()).isZero();
    saturation[0] = 0.99;
    assertThat(route(director, Map.of("x-gateway-inference-objective", "batch")).request().isSheddable()).isTrue();
    assertError(() -> director.handleRequest("r", Map.of("x-gateway-inference-objective", "batch"), body("m"),
        Optional.of(List.of())), ErrorCode.RESOURCE_EXHAUSTED, Director.SATURATED);
  }

  @Test
  void headerRewrite_setsTargetModelAndRewritesTheBody() {
    DirectorResult result = route(director(), Map.of("x-llm-d-model-name-rewrite", "food-review-v2"));

    assertThat(result.request().incomingModel()).isEqualTo("food-review");
    assertThat(result.request().targetModel()).isEqualTo("food-review-v2");
    assertThat(result.request().body().raw().utf8()).isEqualTo("model=food-review-v2;prompt=hi");
    assertThat(result.request().header("x-gateway-model-name-rewrite")).contains("food-review-v2");
    assertThat(result.bodyRewritten()).isTrue();
  }

  @Test
  void modelRewriteRule_picksWeightedTargetsAndRecordsTheDecision() {
    datastore.modelRewrite("food-review", new ModelRewrite("food-rewrite",
        List.of(new ModelRewrite.Target("food-review-v1", 90), new ModelRewrite.Target("food-review-v2", 10))));
    Director director = director();

    int v1 = 0;
    for (int i = 0; i < 1000; i++) {
      DirectorResult result = route(director, Map.of());
      assertThat(result.request().body().raw().utf8()).isEqualTo("model=" + result.request().targetModel() + ";prompt=hi");
      v1 += result.request().targetModel().equals("food-review-v1") ? 1 : 0;
    }

    assertThat(v1).isBetween(860, 940);
    assertThat(metrics.events).contains("rewrite:food-rewrite:food-review:food-review-v1",
        "rewrite:food-rewrite:food-review:food-review-v2");
  }

  @Test
  void modelRewriteRule_withZeroWeights_isUniform() {
    datastore.modelRewrite("food-review", new ModelRewrite("zero",
        List.of(new ModelRewrite.Target("a", 0), new ModelRewrite.Target("b", 0))));
    Director director = director();
    long as = java.util.stream.IntStream.range(0, 400)
        .filter(i -> route(director, Map.of()).request().targetModel().equals("a")).count();
    assertThat(as).isBetween(150L, 250L);
  }

  @Test
  void admitterDenial_is500() {
    Admitter denyAll = new Admitter() {
      @Override
      public TypedName typedName() {
        return TypedName.of("deny");
      }

      @Override
      public Optional<String> admitRequest(InferenceRequest request, List<Endpoint> candidates) {
        return Optional.of("no capacity");
      }
    };
    Director director = director(pipeline(Optional.empty(), List.of(), List.of(denyAll), List.of()),
        DirectorOptions.DEFAULTS);
    assertError(() -> route(director, Map.of()), ErrorCode.INTERNAL, Director.NOT_ADMITTED);
  }

  @Test
  void everyEndpointFilteredOut_is429WithTheSchedulerReason() {
    assertError(() -> route(director(), Map.of("x-drop", "pod1,pod2,pod3")), ErrorCode.RESOURCE_EXHAUSTED,
        "failed to find target endpoint: no endpoints available for the given request");
    assertThat(metrics.events).contains("attempt:false:food-review:-");
  }

  @Test
  void preRequestHooks_seeTheResult_andTheirFailuresAreNotFatal() {
    List<String> seen = new CopyOnWriteArrayList<>();
    PreRequest failing = new PreRequest() {
      @Override
      public TypedName typedName() {
        return TypedName.of("failing");
      }

      @Override
      public void preRequest(InferenceRequest request, SchedulingResult result) {
        throw new IllegalStateException("boom");
      }
    };
    PreRequest recording = new PreRequest() {
      @Override
      public TypedName typedName() {
        return TypedName.of("recording");
      }

      @Override
      public void preRequest(InferenceRequest request, SchedulingResult result) {
        seen.add(result.primary().targetEndpoints().get(0).metadata().podName());
      }
    };
    Director director = director(pipeline(Optional.empty(), List.of(), List.of(), List.of(failing, recording)),
        DirectorOptions.DEFAULTS);

    assertThat(route(director, Map.of()).destination()).isEqualTo("10.0.0.2:8000");
    assertThat(seen).containsExactly("pod2");
    assertThat(metrics.events).contains("plugin:PreRequest:failing", "plugin:PreRequest:recording");
  }

  @Test
  void randomEndpoint_forHeaderOnlyRequests() {
    assertThat(director().randomEndpoint().podName()).isIn("pod1", "pod2", "pod3");
    datastore.endpoints(List.of());
    assertError(() -> director().randomEndpoint(), ErrorCode.INTERNAL, Director.NO_PODS);
  }
}
