package dev.inferencegateway.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.bench.sim.server.SimServer;
import dev.inferencegateway.bench.sim.testing.SimHttp;
import dev.inferencegateway.bench.sim.testing.TestFleets;
import dev.inferencegateway.bench.sim.testing.VirtualTimeFleet;
import dev.inferencegateway.bench.sim.fleet.FleetFiles;
import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.core.datastore.PoolInfo;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.datastore.PoolStateSink;
import dev.inferencegateway.epp.datastore.collector.Extraction;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.CoreMetricsExtractor;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.CoreMetricsExtractorParameters;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.DeprecatedMetricFlags;
import dev.inferencegateway.epp.datastore.prometheus.ExpositionFormat;
import dev.inferencegateway.epp.datastore.prometheus.FamilySelection;
import dev.inferencegateway.epp.datastore.prometheus.MetricFamilies;
import dev.inferencegateway.epp.datastore.prometheus.PrometheusTextParser;
import dev.inferencegateway.epp.datastore.rewrite.ModelRewriteRules;
import dev.inferencegateway.epp.datastore.staticendpoints.StaticSource;
import dev.inferencegateway.epp.datastore.staticendpoints.StaticSourceOptions;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator as the EPP sees it: {@code /metrics} through epp-datastore's parser and default vLLM
 * mapping, and the endpoints files through its static endpoint source.
 */
class EppCompatibilityTest {
  private final SimHttp http = new SimHttp();

  @Test
  void eppExtractor_readsQueueRunningKvUsageAdaptersAndCacheShape() throws Exception {
    try (VirtualTimeFleet sim = new VirtualTimeFleet(TestFleets.loraPool(32, 200))) {
      SimServer pod = sim.fleet().server("deepseek-0");
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (String model : List.of("ski-resorts", "movie-critique")) {
        inFlight.add(http.postAsync(pod.baseUri(), "/v1/completions", """
            {"model": "%s", "prompt": "%s", "max_tokens": 100, "ignore_eos": true}"""
            .formatted(model, "y".repeat(400))));
      }
      sim.awaitState(() -> pod.engine().snapshot().waiting() == 2);
      sim.time().advance(Duration.ofMillis(200));
      for (String model : List.of("extra", "ski-resorts")) {
        inFlight.add(http.postAsync(pod.baseUri(), "/v1/completions", """
            {"model": "%s", "prompt": "hello", "max_tokens": 5}""".formatted(model)));
      }
      sim.awaitState(() -> pod.engine().snapshot().waiting() == 2);
      byte[] exposition = http.get(pod.baseUri(), "/metrics").body().getBytes(StandardCharsets.UTF_8);

      CoreMetricsExtractor extractor = new CoreMetricsExtractor(TypedName.of(CoreMetricsExtractor.TYPE),
          new CoreMetricsExtractorParameters(null, null, null), DeprecatedMetricFlags.NONE);
      PrometheusTextParser parser = new PrometheusTextParser();
      MetricFamilies everything = parser.parse(exposition, FamilySelection.all(), ExpositionFormat.PROMETHEUS_TEXT);
      MetricFamilies wanted = parser.parse(exposition, FamilySelection.of(extractor.metricFamilies()),
          ExpositionFormat.PROMETHEUS_TEXT);
      Instant now = Instant.parse("2026-01-01T00:00:01Z");
      Extraction extraction = extractor.extract(wanted, new EndpointMetadata("deepseek-0-rank-0", "default",
          "deepseek-0", "127.0.0.1", pod.port(), pod.hostPort(), pod.identity().labels()), ModelServerMetrics.EMPTY, now);

      assertThat(everything.names()).contains("vllm:time_to_first_token_seconds", "vllm:prefix_cache_hits_total");
      assertThat(extraction.errors()).isEmpty();
      ModelServerMetrics m = extraction.metrics();
      assertThat(m.runningRequests()).isEqualTo(2);
      assertThat(m.waitingQueueSize()).isEqualTo(2);
      assertThat(m.kvCacheUsage()).isEqualTo(pod.engine().snapshot().kvCacheUsage()).isPositive();
      assertThat(m.activeModels()).containsExactlyInAnyOrder("ski-resorts", "movie-critique");
      assertThat(m.waitingModels()).containsExactly("extra");
      assertThat(m.maxActiveModels()).isEqualTo(2);
      assertThat(m.cacheBlockSize()).isEqualTo(32);
      assertThat(m.cacheNumBlocks()).isEqualTo(200);

      sim.runUntil(() -> inFlight.stream().allMatch(CompletableFuture::isDone));
      assertThat(inFlight).allSatisfy(f -> assertThat(f.join().statusCode()).isEqualTo(200));
    }
  }

  @Test
  void eppStaticSource_readsTheEndpointsFilesOfARunningFleet(@TempDir Path dir) throws Exception {
    try (SimFleet fleet = SimFleet.start(FleetFiles.load("classpath:fleets/seed-demo.yaml"))) {
      Path file = EndpointsFiles.write(fleet, dir).get("vllm-deepseek-r1");
      RecordingSink sink = new RecordingSink();

      try (StaticSource source = new StaticSource(StaticSourceOptions.fromFile(file, "vllm-deepseek-r1", "default"))) {
        source.start(sink);
      }

      assertThat(sink.synced).isTrue();
      assertThat(sink.pool.name()).isEqualTo("vllm-deepseek-r1");
      assertThat(sink.endpoints).hasSize(3);
      for (SimServer server : fleet.pool("vllm-deepseek-r1")) {
        EndpointMetadata endpoint = sink.endpoints.stream().filter(e -> e.name().equals(server.name())).findFirst()
            .orElseThrow();
        assertThat(endpoint.address()).isEqualTo("127.0.0.1");
        assertThat(endpoint.port()).isEqualTo(server.port());
        assertThat(endpoint.metricsHost()).isEqualTo(server.hostPort());
        assertThat(endpoint.labels()).containsEntry("app", "vllm-deepseek-r1");
      }
    }
  }

  private static final class RecordingSink implements PoolStateSink {
    private PoolInfo pool;
    private final List<EndpointMetadata> endpoints = new ArrayList<>();
    private boolean synced;

    @Override
    public void setPool(PoolInfo pool) {
      this.pool = pool;
    }

    @Override
    public void clearPool() {
      pool = null;
    }

    @Override
    public void setEndpoints(String owner, Collection<EndpointMetadata> endpoints) {
      this.endpoints.clear();
      this.endpoints.addAll(endpoints);
    }

    @Override
    public void replaceAllEndpoints(Map<String, ? extends Collection<EndpointMetadata>> byOwner) {
      endpoints.clear();
      byOwner.values().forEach(endpoints::addAll);
    }

    @Override
    public void setObjectives(Map<String, Objective> objectives) {}

    @Override
    public void setModelRewrites(ModelRewriteRules rules) {}

    @Override
    public void setSourceSynced(boolean synced) {
      this.synced = synced;
    }

    @Override
    public void reportProblem(String component, String problem) {
      throw new AssertionError(component + ": " + problem);
    }

    @Override
    public void clearProblem(String component) {}
  }
}
