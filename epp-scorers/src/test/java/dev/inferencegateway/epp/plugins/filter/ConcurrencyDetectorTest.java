package dev.inferencegateway.epp.plugins.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.request.InferenceResponse;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.testing.FakeDatastore;
import dev.inferencegateway.epp.core.testing.TestEndpoints;
import dev.inferencegateway.epp.core.testing.TestHandles;
import dev.inferencegateway.epp.plugins.Fixtures;
import dev.inferencegateway.epp.plugins.filter.concurrency.ConcurrencyDetector;
import dev.inferencegateway.epp.plugins.producer.inflightload.InFlightLoad;
import dev.inferencegateway.epp.plugins.producer.inflightload.InFlightLoadProducer;
import dev.inferencegateway.epp.plugins.producer.inflightload.TokenEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** In-flight accounting by the producer and the concurrency detector built on it. */
class ConcurrencyDetectorTest {
  private final FakeDatastore datastore = new FakeDatastore();
  private final TestHandles.TestHandle handle = TestHandles.handle(datastore, 1);
  private final InFlightLoadProducer producer = new InFlightLoadProducer("inflight", handle);
  private final Endpoint a = Fixtures.endpoint(0, TestEndpoints.metrics(0, 0));
  private final Endpoint b = Fixtures.endpoint(1, TestEndpoints.metrics(0, 0));

  ConcurrencyDetectorTest() {
    handle.add(producer);
  }

  @AfterEach
  void close() {
    producer.close();
  }

  @Test
  void saturation_isTotalLoadOverTotalCapacity() {
    ConcurrencyDetector detector = detector("{\"maxConcurrency\": 10}");
    dispatch(a, 10);

    assertThat(detector.saturation(List.of())).isEqualTo(1.0);
    assertThat(detector.saturation(List.of(a))).isCloseTo(1.0, within(1e-9));
    assertThat(detector.saturation(List.of(a, b))).isCloseTo(0.5, within(1e-9));
    dispatch(a, 5);
    dispatch(b, 15);
    assertThat(detector.saturation(List.of(a, b))).isCloseTo(1.5, within(1e-9));
    assertThat(detector.saturation(List.of(Fixtures.endpoint(9, TestEndpoints.metrics(0, 0))))).isZero();
  }

  @Test
  void filter_dropsEndpointsAtTheirBurstCapWithoutFailingOpen() {
    ConcurrencyDetector detector = detector("{\"maxConcurrency\": 5, \"headroom\": 0.2}");
    dispatch(a, 5);

    assertThat(detector.filter(new CycleState(), Fixtures.request("m"), List.of(a, b))).containsExactly(a, b);
    dispatch(a, 1);
    assertThat(detector.filter(new CycleState(), Fixtures.request("m"), List.of(a, b))).containsExactly(b);
    assertThat(detector.filter(new CycleState(), Fixtures.request("m"), List.of(a))).isEmpty();
  }

  @Test
  void tokensMode_countsEstimatedTokens() {
    ConcurrencyDetector detector = detector("{\"concurrencyMode\": \"tokens\", \"maxTokenConcurrency\": 100}");
    for (int i = 0; i < 5; i++) {
      producer.preRequest(prompt("1234567890123456"), Fixtures.scheduled(a));
    }

    assertThat(detector.saturation(List.of(a))).isCloseTo(0.5, within(1e-9));
    assertThat(detector.saturation(List.of(a, b))).isCloseTo(0.25, within(1e-9));
  }

  @Test
  void endOfStream_releasesExactlyWhatWasDispatched() {
    ConcurrencyDetector detector = detector("{\"maxConcurrency\": 1}");
    InferenceRequest request = Fixtures.request("m");
    producer.preRequest(request, Fixtures.scheduled(a));
    assertThat(detector.saturation(List.of(a))).isEqualTo(1.0);

    InferenceResponse response = new InferenceResponse("req", Map.of(), true, Map.of(), Optional.of(b.metadata()));
    response.nextChunk(dev.inferencegateway.epp.core.request.ByteSlice.EMPTY, true, false);
    producer.responseBody(request, response);
    assertThat(producer.loadOf(a.metadata()).requests()).isEqualTo(1);
    response.nextChunk(dev.inferencegateway.epp.core.request.ByteSlice.EMPTY, false, true);
    producer.responseBody(request, response);
    producer.responseBody(request, response);

    assertThat(producer.loadOf(a.metadata())).isEqualTo(InFlightLoad.NONE);
    assertThat(producer.loadOf(b.metadata())).isEqualTo(InFlightLoad.NONE);
  }

  @Test
  void prepareRequestData_publishesLoadAsAttribute() {
    dispatch(a, 3);
    List<Endpoint> candidates = List.of(new Endpoint(a.metadata(), a.metrics()), new Endpoint(b.metadata(), b.metrics()));

    producer.prepareRequestData(Fixtures.request("m"), candidates);

    long tokens = TokenEstimator.estimate(Fixtures.request("m"));
    assertThat(candidates.get(0).attributes().get(InFlightLoad.KEY)).contains(new InFlightLoad(3, 3 * tokens));
    assertThat(candidates.get(1).attributes().get(InFlightLoad.KEY)).contains(InFlightLoad.NONE);
  }

  @Test
  void departedEndpointsAreDropped() {
    dispatch(a, 2);
    dispatch(b, 2);
    datastore.endpoints(List.of(new EndpointSnapshot(b.metadata(), b.metrics())));

    producer.purgeDepartedEndpoints();

    assertThat(producer.loadOf(a.metadata())).isEqualTo(InFlightLoad.NONE);
    assertThat(producer.loadOf(b.metadata()).requests()).isEqualTo(2);
  }

  @Test
  void tokenEstimate_followsUpstream() {
    assertThat(TokenEstimator.estimate(prompt("1234"))).isEqualTo(3);
    assertThat(TokenEstimator.estimate(prompt("1234567890123456"))).isEqualTo(10);
    InferenceRequest sized = InferenceRequest.builder("r", Fixtures.request("m").body()).requestSizeBytes(400).build();
    assertThat(TokenEstimator.estimate(sized)).isEqualTo(100 + 150);
  }

  private ConcurrencyDetector detector(String json) {
    return (ConcurrencyDetector) Fixtures.create(ConcurrencyDetector.DESCRIPTOR, "c", json, handle);
  }

  private List<InferenceRequest> dispatch(Endpoint target, int requests) {
    List<InferenceRequest> sent = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      InferenceRequest request = Fixtures.request("m");
      producer.preRequest(request, Fixtures.scheduled(target));
      sent.add(request);
    }
    return sent;
  }

  private static InferenceRequest prompt(String text) {
    InferenceRequest base = TestEndpoints.completionRequest("m", text);
    return InferenceRequest.builder("r", base.body()).requestSizeBytes(0).build();
  }
}
