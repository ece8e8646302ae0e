package dev.inferencegateway.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.bench.sim.server.SimServer;
import dev.inferencegateway.bench.sim.testing.SimHttp;
import dev.inferencegateway.bench.sim.testing.TestFleets;
import dev.inferencegateway.bench.sim.testing.VirtualTimeFleet;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.datastore.collector.Extraction;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.CoreMetricsExtractor;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.CoreMetricsExtractorParameters;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.DeprecatedMetricFlags;
import dev.inferencegateway.epp.datastore.prometheus.ExpositionFormat;
import dev.inferencegateway.epp.datastore.prometheus.FamilySelection;
import dev.inferencegateway.epp.datastore.prometheus.MetricFamilies;
import dev.inferencegateway.epp.datastore.prometheus.PrometheusTextParser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The simulator's {@code /metrics} as the EPP reads it: its parser and its default vLLM mapping. */
class EppScrapeCompatibilityTest {
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
}
