package dev.inferencegateway.bench.sim.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.inferencegateway.bench.sim.testing.PromText;
import dev.inferencegateway.bench.sim.testing.PromText.Sample;
import dev.inferencegateway.bench.sim.testing.SimHttp;
import dev.inferencegateway.bench.sim.testing.TestFleets;
import dev.inferencegateway.bench.sim.testing.VirtualTimeFleet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsExpositionTest {
  private static final String BASE = "deepseek/vllm-deepseek-r1";
  private static final Map<String, String> COMMON = Map.of("model_name", BASE, "engine", "0");

  private final SimHttp http = new SimHttp();
  private VirtualTimeFleet sim;
  private SimServer server;
  private URI uri;

  @BeforeEach
  void start() throws Exception {
    sim = new VirtualTimeFleet(TestFleets.loraPool(16, 100));
    server = sim.fleet().server("deepseek-0");
    uri = server.baseUri();
  }

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void idleServer_exposesVllmFamiliesWithVllmLabels() throws Exception {
    HttpResponse<String> response = http.get(uri, "/metrics");
    assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    PromText metrics = PromText.parse(response.body());

    for (String gauge : List.of("vllm:num_requests_running", "vllm:num_requests_waiting", "vllm:kv_cache_usage_perc")) {
      assertThat(metrics.type(gauge)).hasValue("gauge");
      assertThat(metrics.one(gauge).labels()).isEqualTo(COMMON);
      assertThat(metrics.value(gauge)).isZero();
    }
    Sample cacheConfig = metrics.one("vllm:cache_config_info");
    assertThat(cacheConfig.value()).isEqualTo(1.0);
    assertThat(cacheConfig.labels()).containsEntry("block_size", "16").containsEntry("num_gpu_blocks", "100")
        .containsEntry("engine", "0");
    Sample lora = metrics.one("vllm:lora_requests_info");
    assertThat(lora.labels()).containsOnlyKeys("max_lora", "running_lora_adapters", "waiting_lora_adapters")
        .containsEntry("max_lora", "2").containsEntry("running_lora_adapters", "").containsEntry("waiting_lora_adapters", "");
    assertThat(lora.value()).isEqualTo(VirtualTimeFleet.START.getEpochSecond());
    assertThat(metrics.type("vllm:prefix_cache_queries_total")).hasValue("counter");
    assertThat(metrics.type("vllm:time_to_first_token_seconds")).hasValue("histogram");
    assertThat(metrics.type("vllm:e2e_request_latency_seconds")).hasValue("histogram");
    assertThat(metrics.all("vllm:time_to_first_token_seconds_bucket")).last()
        .satisfies(s -> assertThat(s.labels()).containsEntry("le", "+Inf"));
  }

  @Test
  void afterRequests_countersHistogramsAndCacheHitsAddUp() throws Exception {
    String body = """
        {"model": "deepseek/vllm-deepseek-r1", "prompt": "%s", "max_tokens": 4, "ignore_eos": true}"""
        .formatted("Tell me about movies. ".repeat(8));
    for (int i = 0; i < 2; i++) {
      CompletableFuture<HttpResponse<String>> done = http.postAsync(uri, "/v1/completions", body);
      sim.runUntil(done::isDone);
      assertThat(done.join().statusCode()).isEqualTo(200);
    }

    PromText metrics = PromText.parse(http.get(uri, "/metrics").body());

    assertThat(metrics.value("vllm:prompt_tokens_total")).isEqualTo(2 * 44);
    assertThat(metrics.value("vllm:generation_tokens_total")).isEqualTo(8);
    assertThat(metrics.value("vllm:prefix_cache_queries_total")).isEqualTo(2 * 44);
    assertThat(metrics.value("vllm:prefix_cache_hits_total")).isEqualTo(32);
    assertThat(metrics.all("vllm:request_success_total")).filteredOn(s -> s.labels().get("finished_reason").equals("length"))
        .singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(2));
    assertThat(metrics.value("vllm:e2e_request_latency_seconds_count")).isEqualTo(2);
    assertThat(metrics.value("vllm:inter_token_latency_seconds_count")).isEqualTo(6);
    double ttftSum = metrics.value("vllm:time_to_first_token_seconds_sum");
    assertThat(ttftSum).isCloseTo((0.030 + 44 * 0.00025) + (0.030 + 12 * 0.00025), within(1e-9));
    List<Sample> buckets = metrics.all("vllm:time_to_first_token_seconds_bucket");
    assertThat(buckets).extracting(Sample::value).isSorted();
    assertThat(buckets.getLast().value()).isEqualTo(2);
  }

  @Test
  void loraRequestsInfo_newestSeriesShowsLoadedAndWaitingAdapters() throws Exception {
    String template = """
        {"model": "%s", "prompt": "Tell me about %s", "max_tokens": 50, "ignore_eos": true}""";
    CompletableFuture<HttpResponse<String>> ski = http.postAsync(uri, "/v1/completions",
        template.formatted("ski-resorts", "ski deals"));
    CompletableFuture<HttpResponse<String>> movies = http.postAsync(uri, "/v1/completions",
        template.formatted("movie-critique", "movies"));
    sim.awaitState(() -> server.engine().snapshot().waiting() == 2);
    sim.time().advance(Duration.ofMillis(200));
    assertThat(server.engine().snapshot().running()).isEqualTo(2);
    CompletableFuture<HttpResponse<String>> extra = http.postAsync(uri, "/v1/completions",
        template.formatted("extra", "anything"));
    sim.awaitState(() -> server.engine().snapshot().waiting() == 1);

    PromText metrics = PromText.parse(http.get(uri, "/metrics").body());

    assertThat(metrics.value("vllm:num_requests_running")).isEqualTo(2);
    assertThat(metrics.value("vllm:num_requests_waiting")).isEqualTo(1);
    List<Sample> series = metrics.all("vllm:lora_requests_info");
    assertThat(series).hasSizeGreaterThan(2);
    Sample newest = series.stream().max(Comparator.comparingDouble(Sample::value)).orElseThrow();
    assertThat(newest.labels()).containsEntry("running_lora_adapters", "movie-critique,ski-resorts")
        .containsEntry("waiting_lora_adapters", "extra").containsEntry("max_lora", "2");
    assertThat(newest.value()).isCloseTo(VirtualTimeFleet.START.getEpochSecond() + 0.2, within(1e-3));

    sim.runUntil(() -> ski.isDone() && movies.isDone() && extra.isDone());
    assertThat(List.of(ski.join(), movies.join(), extra.join())).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    Sample after = PromText.parse(http.get(uri, "/metrics").body()).all("vllm:lora_requests_info").stream()
        .max(Comparator.comparingDouble(Sample::value)).orElseThrow();
    assertThat(after.labels().get("running_lora_adapters")).contains("extra");
    assertThat(after.labels().get("waiting_lora_adapters")).isEmpty();
  }

  @Test
  void kvCacheUsage_reflectsTheBlocksOfRunningRequests() throws Exception {
    CompletableFuture<HttpResponse<String>> running = http.postAsync(uri, "/v1/completions", """
        {"model": "deepseek/vllm-deepseek-r1", "prompt": "%s", "max_tokens": 96, "ignore_eos": true}"""
        .formatted("x".repeat(256)));
    sim.awaitState(() -> server.engine().snapshot().running() == 1);

    PromText metrics = PromText.parse(http.get(uri, "/metrics").body());

    assertThat(metrics.value("vllm:kv_cache_usage_perc")).isEqualTo(0.10);
    sim.runUntil(running::isDone);
    assertThat(PromText.parse(http.get(uri, "/metrics").body()).value("vllm:kv_cache_usage_perc")).isZero();
  }
}
