package dev.inferencegateway.epp.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.inferencegateway.epp.server.EppServer;
import dev.inferencegateway.epp.server.testing.FakeModelServer;
import dev.inferencegateway.epp.server.testing.Servers;
import dev.inferencegateway.epp.server.testing.TestEndpointSource;
import dev.inferencegateway.extproc.client.Exchange;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.ExtProcClient;
import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The /metrics text of a real server after traffic: upstream's names, help, types, labels and buckets. */
class MetricsExpositionTest {
  private static final String POOL = "metrics-pool";

  @Test
  void afterTraffic_everyFamilyHasUpstreamsShape() throws Exception {
    try (FakeModelServer a = new FakeModelServer().state(2, 0.3, Set.of());
         FakeModelServer b = new FakeModelServer().state(0, 0.1, Set.of())) {
      TestEndpointSource source = new TestEndpointSource(POOL).endpoints(List.of(
          TestEndpointSource.endpoint("pod-a", "10.1.0.1", a.hostPort()),
          TestEndpointSource.endpoint("pod-b", "10.1.0.2", b.hostPort())));
      EppServer epp = Servers.start(source, "--pool-name", POOL, "--secure-serving=false",
          "--metrics-endpoint-auth=false", "--grpc-port=0", "--grpc-health-port=0", "--metrics-port=0",
          "--refresh-prometheus-metrics-interval=100ms");
      ManagedChannel channel = Servers.channel(epp);
      try {
        await().atMost(Duration.ofSeconds(20)).until(() -> epp.datastore().freshEndpoints().size() == 2);
        ExtProcClient client = new ExtProcClient(channel);
        Exchange exchange = client.open(ExchangeOptions.fullDuplex());
        exchange.sendRequest(Map.of(":path", "/v1/chat/completions"), ("{\"model\":\"food-review\",\"messages\":"
            + "[{\"role\":\"user\",\"content\":\"hello\"}]}").getBytes(StandardCharsets.UTF_8), 10, false)
            .get(30, TimeUnit.SECONDS);
        exchange.sendResponseHeaders(Map.of(":status", "200", "content-type", "application/json"), false)
            .get(30, TimeUnit.SECONDS);
        exchange.sendResponseBody(ByteString.copyFromUtf8("{\"model\":\"food-review\",\"usage\":{\"prompt_tokens\":12,"
            + "\"completion_tokens\":30,\"prompt_tokens_details\":{\"cached_tokens\":8}}}"), true);
        exchange.responseBodyDone().get(30, TimeUnit.SECONDS);
        exchange.close();
        client.open(ExchangeOptions.fullDuplex()).sendRequest(Map.of(":path", "/v1/completions"),
            "{\"prompt\":\"x\"}".getBytes(StandardCharsets.UTF_8), 10, false).get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
          String text = Servers.scrape(epp, Optional.empty()).body();
          assertFamily(text, "inference_objective_request_total", "counter",
              "Counter of inference objective requests broken out for each model and target model.");
          assertSample(text, "inference_objective_request_total",
              "model_name=\"food-review\",priority=\"0\",target_model_name=\"food-review\"", "1");
          assertSample(text, "inference_objective_request_error_total",
              "error_code=\"BadRequest\",model_name=\"\",target_model_name=\"\"", "1");
          assertFamily(text, "inference_objective_request_duration_seconds", "histogram",
              "Inference objective response latency distribution in seconds for each model and target model.");
          assertThat(text).contains("inference_objective_request_duration_seconds_bucket{model_name=\"food-review\","
              + "target_model_name=\"food-review\",le=\"0.005\"}", "target_model_name=\"food-review\",le=\"3600.0\"}");
          assertThat(text).contains("inference_objective_request_sizes_bucket{model_name=\"food-review\","
              + "target_model_name=\"food-review\",le=\"1.073741824E9\"}",
              "inference_objective_response_sizes_bucket{model_name=\"food-review\",target_model_name=\"food-review\","
              + "le=\"32778.0\"}");
          assertSample(text, "inference_objective_input_tokens_sum",
              "model_name=\"food-review\",target_model_name=\"food-review\"", "12");
          assertSample(text, "inference_objective_output_tokens_sum",
              "model_name=\"food-review\",target_model_name=\"food-review\"", "30");
          assertSample(text, "inference_objective_prompt_cached_tokens_sum",
              "model_name=\"food-review\",target_model_name=\"food-review\"", "8");
          assertSample(text, "inference_objective_running_requests", "model_name=\"food-review\"", "0");
          assertThat(text).contains("inference_objective_normalized_time_per_output_token_seconds_count{"
              + "model_name=\"food-review\",target_model_name=\"food-review\"} 1");
          assertFamily(text, "inference_pool_ready_pods", "gauge", "The number of ready pods in the inference server pool.");
          assertSample(text, "inference_pool_ready_pods", "name=\"" + POOL + "\"", "2");
          assertSample(text, "inference_pool_average_queue_size", "name=\"" + POOL + "\"", "1");
          assertSample(text, "inference_pool_per_pod_queue_size", "model_server_pod=\"pod-a-rank-0\",name=\"" + POOL + "\"", "2");
          assertThat(text).contains("inference_pool_average_kv_cache_utilization{name=\"" + POOL + "\"} 0.2");
          assertThat(text).contains("inference_extension_scheduler_e2e_duration_seconds_bucket{le=\"1.0E-4\"}");
          assertSample(text, "inference_extension_scheduler_attempts_total",
              "namespace=\"default\",pod_name=\"pod-b\",port=\"8000\",status=\"success\",target_model_name=\"food-review\"", "1");
          assertThat(text).contains("inference_extension_plugin_duration_seconds_count{extension_point=\"Scorer\","
              + "plugin_name=\"queue-scorer\",plugin_type=\"queue-scorer\"}");
          assertThat(text).contains("extension_point=\"Picker\",plugin_name=\"max-score-picker\"",
              "extension_point=\"ProfilePicker\"", "extension_point=\"PrepareData\"");
          assertFamily(text, "inference_extension_info", "gauge",
              "General information of the current build of Inference Extension.");
          assertThat(text).containsPattern("inference_extension_info\\{build_ref=\"[^\"]*\",commit=\"[^\"]*\"} 1");
          assertFamily(text, "inference_extension_prefix_indexer_size", "gauge", "Size of the prefix indexer.");
        });
      } finally {
        channel.shutdownNow();
        epp.close();
      }
    }
  }

  private static void assertFamily(String text, String name, String type, String help) {
    assertThat(text).contains("# HELP " + name + " [ALPHA] " + help + "\n", "# TYPE " + name + " " + type + "\n");
  }

  private static void assertSample(String text, String name, String labels, String value) {
    assertThat(text).containsPattern(Pattern.quote(name + "{" + labels + "} " + value) + "(\\.0)?\n");
  }
}
