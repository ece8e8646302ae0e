package dev.inferencegateway.bbr.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.bbr.embed.BbrStage;
import dev.inferencegateway.bbr.mapping.ConfigMapMappingSource;
import dev.inferencegateway.bbr.testing.Bodies;
import dev.inferencegateway.bbr.testing.ExtProcHarness;
import dev.inferencegateway.extproc.client.RequestResult;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The default BBR chain over ConfigMaps on the fabric8 mock API server, driven through ext_proc. */
@EnableKubernetesMockClient(crud = true)
class ConfigMapExchangeTest {
  static KubernetesClient client;

  private static void configMap(String namespace, String name, String baseModel, String adapters) {
    client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
        .withNewMetadata().withNamespace(namespace).withName(name)
        .addToLabels(ConfigMapMappingSource.BBR_LABEL, "true").endMetadata()
        .addToData("baseModel", baseModel).addToData("adapters", adapters).build()).createOr(NonDeletingOperation::update);
  }

  @Test
  void seedConfigMaps_routeAllFiveNames_andChangesApplyToLaterRequests() throws Exception {
    configMap("seed-e2e", "vllm-llama3-8b-instruct-adapters", "meta-llama/Llama-3.1-8B-Instruct", "- food-review-1\n");
    configMap("seed-e2e", "vllm-deepseek-r1-adapters", "deepseek/vllm-deepseek-r1", "- ski-resorts\n- movie-critique\n");
    try (BbrStage stage = BbrStage.builder().configMaps(client, Optional.of("seed-e2e"))
            .metrics(new PrometheusRegistry()).start();
        ExtProcHarness harness = new ExtProcHarness(stage.handlers())) {
      stage.ready().get(30, TimeUnit.SECONDS);
      assertThat(stage.isReady()).isTrue();

      for (String[] model : Bodies.SEED_MODELS) {
        RequestResult chat = harness.post("/v1/chat/completions", Bodies.chat(model[0]));
        RequestResult completion = harness.post("/v1/completions", Bodies.completion(model[0]));
        assertThat(chat.header("x-gateway-model-name")).contains(model[0]);
        assertThat(chat.header("x-gateway-base-model-name")).contains(model[1]);
        assertThat(completion.header("x-gateway-base-model-name")).contains(model[1]);
      }

      configMap("seed-e2e", "vllm-llama3-8b-instruct-adapters-2", "meta-llama/Llama-3.1-8B-Instruct", "- food-review-2\n");
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(harness.post("/v1/completions", Bodies.completion("food-review-2")).header("x-gateway-base-model-name"))
              .contains("meta-llama/Llama-3.1-8B-Instruct"));

      client.configMaps().inNamespace("seed-e2e").withName("vllm-deepseek-r1-adapters").delete();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(harness.post("/v1/completions", Bodies.completion("ski-resorts")).header("x-gateway-base-model-name"))
              .contains(""));
    }
  }

  @Test
  void withoutABaseModelPlugin_configMapsAreNotWatched() throws Exception {
    try (BbrStage stage = BbrStage.builder().configMaps(client, Optional.of("unwatched")).metrics(new PrometheusRegistry())
        .plugins(java.util.List.of("body-field-to-header:m:{\"fieldName\":\"model\",\"headerName\":\"X-Gateway-Model-Name\"}"))
        .start()) {
      assertThat(stage.isReady()).isTrue();
    }
  }
}
