package dev.inferencegateway.epp.datastore.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import dev.inferencegateway.epp.core.datalayer.Extractor;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.datastore.DatastoreOptions;
import dev.inferencegateway.epp.datastore.PoolDatastore;
import dev.inferencegateway.epp.datastore.plugins.DataLayerPlugins;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.DeprecatedMetricFlags;
import dev.inferencegateway.epp.datastore.plugins.metricssource.ScrapeHttpClient;
import dev.inferencegateway.epp.datastore.plugins.metricssource.ScrapeSettings;
import dev.inferencegateway.epp.datastore.prometheus.Expositions;
import dev.inferencegateway.epp.datastore.testing.CapturedLogs;
import dev.inferencegateway.epp.datastore.testing.DataLayerFixtures;
import dev.inferencegateway.epp.datastore.testing.ManualSource;
import dev.inferencegateway.epp.datastore.testing.ModelServerStub;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MetricsCollectorTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final ScrapeHttpClient http = new ScrapeHttpClient();
  private final ManualSource source = new ManualSource();
  private PoolDatastore datastore;

  @BeforeEach
  void startDatastore() {
    datastore = new PoolDatastore(source, DatastoreOptions.defaults());
    datastore.start();
    closeables.add(datastore);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : closeables.reversed()) {
      c.close();
    }
    http.close();
  }

  private ModelServerStub stub() throws Exception {
    ModelServerStub stub = new ModelServerStub();
    closeables.add(stub);
    return stub;
  }

  /** Starts a collector with the metrics source over {@link #http} followed by {@code others}. */
  private MetricsCollector collector(Duration pollTimeout, DataLayerSource... others) {
    DataLayerPlugins plugins = new DataLayerPlugins(ScrapeSettings.DEFAULTS, DeprecatedMetricFlags.NONE, http);
    List<DataLayerSource> sources = new ArrayList<>(List.of(DataLayerFixtures.metricsSource(plugins)));
    sources.addAll(List.of(others));
    MetricsCollector collector = MetricsCollector.start(datastore, sources,
        CollectorOptions.defaults().withRefreshInterval(Duration.ofMillis(20)).withPollTimeout(pollTimeout));
    closeables.add(collector);
    return collector;
  }

  private ModelServerMetrics metrics(String endpoint) {
    return datastore.endpoint(endpoint).orElseThrow().metrics();
  }

  @Test
  void collector_scrapesEveryEngineOverRealHttp() throws Exception {
    ModelServerStub vllm = stub().serve(Expositions.load("vllm.prom"));
    ModelServerStub sglang = stub().serve(Expositions.load("sglang.prom"));
    ModelServerStub trtllm = stub().serve(Expositions.load("trtllm-serve.prom"));
    ModelServerStub triton = stub().serve(Expositions.load("triton-tensorrt-llm.prom"));
    collector(Duration.ofSeconds(1));

    source.endpoints("pods",
        ManualSource.endpoint("vllm-rank-0", vllm.hostPort(), Map.of()),
        ManualSource.endpoint("sglang-rank-0", sglang.hostPort(),
            Map.of("inference.networking.k8s.io/engine-type", "sglang")),
        ManualSource.endpoint("trtllm-rank-0", trtllm.hostPort(), Map.of("llm-d.ai/engine-type", "trtllm-serve")),
        ManualSource.endpoint("triton-rank-0", triton.hostPort(),
            Map.of("llm-d.ai/engine-type", "triton-tensorrt-llm")));

    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(metrics("vllm-rank-0").waitingQueueSize()).isEqualTo(3);
      assertThat(metrics("vllm-rank-0").activeModels()).containsExactlyInAnyOrder("sql-lora", "chat-lora");
      assertThat(metrics("sglang-rank-0").kvCacheUsage()).isEqualTo(0.28);
      assertThat(metrics("trtllm-rank-0").cacheNumBlocks()).isEqualTo(4096);
      assertThat(metrics("triton-rank-0").runningRequests()).isEqualTo(6);
    });
    assertThat(datastore.freshEndpoints()).hasSize(4);
  }

  @Test
  void hangingEndpoint_neverDelaysTheOthers() throws Exception {
    ModelServerStub hanging = stub().hang();
    ModelServerStub healthy = stub().serve(Expositions.load("vllm.prom"));
    collector(Duration.ofSeconds(5));

    source.endpoints("pods", ManualSource.endpoint("hanging-rank-0", hanging.hostPort(), Map.of()),
        ManualSource.endpoint("healthy-rank-0", healthy.hostPort(), Map.of()));

    await().atMost(WAIT).until(() -> healthy.requests() >= 15);
    assertThat(hanging.requests()).isLessThanOrEqualTo(1);
    assertThat(metrics("healthy-rank-0").waitingQueueSize()).isEqualTo(3);
    assertThat(metrics("hanging-rank-0")).isEqualTo(ModelServerMetrics.EMPTY);
    assertThat(datastore.isStale("hanging-rank-0")).isTrue();
  }

  @Test
  void failingEndpoint_logsOnceAndRecoversWhenItServesAgain() throws Exception {
    ModelServerStub flaky = stub().status(500);
    try (CapturedLogs logs = new CapturedLogs(MetricsCollector.class.getName())) {
      MetricsCollector collector = collector(Duration.ofSeconds(1));
      source.endpoints("pods", ManualSource.endpoint("flaky-rank-0", flaky.hostPort(), Map.of()));

      await().atMost(WAIT).until(() -> collector.stats().pollFailures() >= 5);
      assertThat(metrics("flaky-rank-0")).isEqualTo(ModelServerMetrics.EMPTY);
      flaky.serve(Expositions.load("vllm.prom"));

      await().atMost(WAIT).until(() -> metrics("flaky-rank-0").waitingQueueSize() == 3);
      assertThat(logs.messages(Level.WARN, "flaky-rank-0")).singleElement().asString()
          .contains("HTTP status 500").contains("http://" + flaky.hostPort() + "/metrics");
      await().atMost(WAIT).until(() -> logs.messages(Level.INFO, "flaky-rank-0").size() == 1);
      assertThat(logs.messages(Level.INFO, "flaky-rank-0").get(0)).endsWith("recovered");
    }
  }

  @Test
  void garbageResponse_isAParseErrorNamingTheEndpointAndTheLine() throws Exception {
    ModelServerStub garbage = stub().serve("<html>\n<body>metrics moved</body>\n");
    try (CapturedLogs logs = new CapturedLogs(MetricsCollector.class.getName())) {
      MetricsCollector collector = collector(Duration.ofSeconds(1));
      source.endpoints("pods", ManualSource.endpoint("garbage-rank-0", garbage.hostPort(), Map.of()));

      await().atMost(WAIT).until(() -> collector.stats().pollFailures() >= 3);
      assertThat(logs.messages(Level.WARN, "garbage-rank-0")).singleElement().asString()
          .contains("endpoint garbage-rank-0").contains("line 1: invalid metric name");
      garbage.serve(Expositions.load("vllm.prom"));
      await().atMost(WAIT).until(() -> metrics("garbage-rank-0").updateTime().isAfter(java.time.Instant.EPOCH));
    }
  }

  @Test
  void openMetricsResponse_isParsedAsOpenMetrics() throws Exception {
    ModelServerStub stub = stub().serve("""
        # TYPE vllm:num_requests_waiting gauge
        vllm:num_requests_waiting 5 1700000000.5
        # TYPE vllm:num_requests_running gauge
        vllm:num_requests_running 1 # {trace_id="t"} 1
        # EOF
        """.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/openmetrics-text; version=1.0.0");
    collector(Duration.ofSeconds(1));
    source.endpoints("pods", ManualSource.endpoint("om-rank-0", stub.hostPort(), Map.of()));

    await().atMost(WAIT).until(() -> metrics("om-rank-0").waitingQueueSize() == 5);
    assertThat(metrics("om-rank-0").runningRequests()).isEqualTo(1);
  }

  @Test
  void removedEndpoint_stopsBeingPolled() throws Exception {
    ModelServerStub stub = stub().serve(Expositions.load("vllm.prom"));
    MetricsCollector collector = collector(Duration.ofSeconds(1));
    source.endpoints("pods", ManualSource.endpoint("gone-rank-0", stub.hostPort(), Map.of()));
    await().atMost(WAIT).until(() -> stub.requests() >= 3);

    source.endpoints("pods");

    await().atMost(WAIT).until(() -> collector.stats().activeLoops() == 0);
    int afterRemoval = stub.requests();
    await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> stub.requests() <= afterRemoval + 1);
  }

  @Test
  void noSources_disablesCollection() throws Exception {
    ModelServerStub stub = stub().serve(Expositions.load("vllm.prom"));
    MetricsCollector collector = MetricsCollector.start(datastore, List.of(), CollectorOptions.defaults());
    closeables.add(collector);

    source.endpoints("pods", ManualSource.endpoint("idle-rank-0", stub.hostPort(), Map.of()));

    assertThat(collector.enabled()).isFalse();
    assertThat(collector.stats()).isEqualTo(new CollectorStats(0, 0, 0, 0));
    assertThat(stub.requests()).isZero();
  }

  @Test
  void endpointWithAnEventLoopSourceAndABlockingOne_isPolledByBothOnItsOwnThread() throws Exception {
    ModelServerStub stub = stub().serve(Expositions.load("vllm.prom"));
    Set<String> pollThreads = ConcurrentHashMap.newKeySet();
    Set<Object> extracted = ConcurrentHashMap.newKeySet();
    collector(Duration.ofSeconds(1),
        new DataLayerSource(new BlockingSource(pollThreads), List.of(new RecordingExtractor(extracted))));

    source.endpoints("pods", ManualSource.endpoint("mixed-rank-0", stub.hostPort(), Map.of()));

    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(metrics("mixed-rank-0").waitingQueueSize()).isEqualTo(3);
      assertThat(extracted).containsExactly("polled mixed-rank-0");
      assertThat(stub.requests()).isGreaterThanOrEqualTo(3);
    });
    assertThat(pollThreads).containsExactly("metrics-mixed-rank-0");
  }

  /** A polling source whose poller answers on the calling thread and records that thread's name. */
  private record BlockingSource(Set<String> pollThreads) implements PollingDataSource {
    @Override
    public TypedName typedName() {
      return new TypedName("blocking-source", "blocking");
    }

    @Override
    public Class<?> outputType() {
      return String.class;
    }

    @Override
    public EndpointPoller newPoller(EndpointMetadata endpoint, List<Extractor> extractors) {
      return timeout -> {
        pollThreads.add(Thread.currentThread().getName());
        return "polled " + endpoint.name();
      };
    }
  }

  /** An extractor of {@link BlockingSource}'s output that records what it was given. */
  private record RecordingExtractor(Set<Object> extracted) implements MetricsExtractor {
    @Override
    public TypedName typedName() {
      return new TypedName("recording-extractor", "recording");
    }

    @Override
    public Class<?> inputType() {
      return String.class;
    }

    @Override
    public Extraction extract(Object data, EndpointMetadata endpoint, ModelServerMetrics current, Instant now) {
      extracted.add(data);
      return new Extraction(current, false, List.of());
    }
  }
}
