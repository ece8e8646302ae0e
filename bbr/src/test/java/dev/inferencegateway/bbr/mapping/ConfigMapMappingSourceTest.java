package dev.inferencegateway.bbr.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.bbr.metrics.BbrMetrics;
import dev.inferencegateway.bbr.testing.MetricsText;
import dev.inferencegateway.extproc.server.BuildInfo;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ConfigMapMappingSourceTest {
  static KubernetesClient client;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final MappingProblems problems = new MappingProblems(new BbrMetrics(registry, new BuildInfo("v", "c", "r")));
  private final BaseModelMappings mappings = new BaseModelMappings(problems);
  private ConfigMapMappingSource source;

  @AfterEach
  void stop() {
    if (source != null) {
      source.close();
    }
  }

  private void watch(String namespace) throws Exception {
    source = new ConfigMapMappingSource(client, Optional.ofNullable(namespace), mappings, problems);
    source.start().get(30, TimeUnit.SECONDS);
  }

  private static ConfigMap configMap(String namespace, String name, String label, String baseModel, String adapters) {
    ConfigMapBuilder builder = new ConfigMapBuilder().withNewMetadata().withNamespace(namespace).withName(name)
        .addToLabels(label, "true").endMetadata();
    if (baseModel != null) {
      builder.addToData("baseModel", baseModel);
    }
    if (adapters != null) {
      builder.addToData("adapters", adapters);
    }
    return builder.build();
  }

  private static ConfigMap create(ConfigMap configMap) {
    return client.configMaps().inNamespace(configMap.getMetadata().getNamespace()).resource(configMap).createOr(NonDeletingOperation::update);
  }

  private void awaitBase(String model, String base) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(mappings.baseModelOf(model)).isEqualTo(Optional.ofNullable(base)));
  }

  @Test
  void seedConfigMaps_mapAllFiveNames_andBothLabelsCount() throws Exception {
    create(configMap("seed", "llama-adapters", ConfigMapMappingSource.BBR_LABEL,
        "meta-llama/Llama-3.1-8B-Instruct", "- food-review-1\n"));
    create(configMap("seed", "deepseek-adapters", ConfigMapMappingSource.IPP_LABEL,
        " deepseek/vllm-deepseek-r1 ", "- ski-resorts\n- ''\n-  movie-critique \n"));
    create(configMap("seed", "not-ours", "app", "ignored/base", "- ignored\n"));
    watch("seed");

    assertThat(source.hasSynced()).isTrue();
    assertThat(mappings.snapshot()).containsOnly(
        Map.entry("meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-8B-Instruct"),
        Map.entry("food-review-1", "meta-llama/Llama-3.1-8B-Instruct"),
        Map.entry("deepseek/vllm-deepseek-r1", "deepseek/vllm-deepseek-r1"),
        Map.entry("ski-resorts", "deepseek/vllm-deepseek-r1"),
        Map.entry("movie-critique", "deepseek/vllm-deepseek-r1"));
  }

  @Test
  void configMapsAddedChangedUnlabelledAndDeleted_areFollowed() throws Exception {
    watch("follow");

    create(configMap("follow", "a", ConfigMapMappingSource.BBR_LABEL, "base-a", "- x\n- y\n"));
    awaitBase("x", "base-a");

    client.configMaps().inNamespace("follow").withName("a").edit(cm -> {
      cm.getData().put("adapters", "- y\n- z\n");
      return cm;
    });
    awaitBase("z", "base-a");
    assertThat(mappings.baseModelOf("x")).isEmpty();

    create(configMap("follow", "a-shard-2", ConfigMapMappingSource.BBR_LABEL, "base-a", "- w\n"));
    awaitBase("w", "base-a");

    client.configMaps().inNamespace("follow").withName("a").edit(cm -> {
      cm.getMetadata().getLabels().put(ConfigMapMappingSource.BBR_LABEL, "false");
      return cm;
    });
    awaitBase("z", null);
    assertThat(mappings.baseModelOf("base-a")).contains("base-a");

    client.configMaps().inNamespace("follow").withName("a-shard-2").delete();
    awaitBase("w", null);
    awaitBase("base-a", null);
  }

  @Test
  void invalidConfigMaps_areReportedAndSkipped_keepingTheLastValidVersion() throws Exception {
    watch("invalid");

    create(configMap("invalid", "no-base", ConfigMapMappingSource.BBR_LABEL, "  ", "- a\n"));
    create(configMap("invalid", "bad-yaml", ConfigMapMappingSource.BBR_LABEL, "b", "- [unclosed\n"));
    create(configMap("invalid", "good", ConfigMapMappingSource.BBR_LABEL, "g", "- ok\n"));
    awaitBase("ok", "g");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(MetricsText.of(registry))
        .contains("bbr_base_model_mapping_errors_total{source=\"configmap\"} 2.0"));
    assertThat(mappings.baseModelOf("a")).isEmpty();

    client.configMaps().inNamespace("invalid").withName("good").edit(cm -> {
      cm.getData().put("adapters", "not: a list");
      return cm;
    });
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(MetricsText.of(registry))
        .contains("bbr_base_model_mapping_errors_total{source=\"configmap\"} 3.0"));
    assertThat(mappings.baseModelOf("ok")).contains("g");
  }

  @Test
  void conflictingConfigMaps_areResolvedForTheOldest_andReported() throws Exception {
    watch("conflict");

    create(configMap("conflict", "first", ConfigMapMappingSource.BBR_LABEL, "base-1", "- shared\n"));
    awaitBase("shared", "base-1");
    ConfigMap second = configMap("conflict", "second", ConfigMapMappingSource.BBR_LABEL, "base-2", "- shared\n- own\n");
    create(second);
    awaitBase("own", "base-2");

    assertThat(mappings.baseModelOf("shared")).isEqualTo(expectedWinner("first", "second", "base-1", "base-2"));
    assertThat(mappings.conflicts()).hasSize(1);
    assertThat(MetricsText.of(registry)).contains("bbr_base_model_mapping_conflicts 1.0");

    client.configMaps().inNamespace("conflict").withName("first").delete();
    awaitBase("shared", "base-2");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(MetricsText.of(registry)).contains("bbr_base_model_mapping_conflicts 0.0"));
  }

  @Test
  void allNamespaces_areWatchedWithoutANamespace() throws Exception {
    create(configMap("any-1", "m", ConfigMapMappingSource.BBR_LABEL, "base-any-1", "- any-adapter-1\n"));
    watch(null);
    create(configMap("any-2", "m", ConfigMapMappingSource.BBR_LABEL, "base-any-2", "- any-adapter-2\n"));

    awaitBase("any-adapter-1", "base-any-1");
    awaitBase("any-adapter-2", "base-any-2");
  }

  private static Optional<String> expectedWinner(String first, String second, String firstBase, String secondBase) {
    ConfigMap a = client.configMaps().inNamespace("conflict").withName(first).get();
    ConfigMap b = client.configMaps().inNamespace("conflict").withName(second).get();
    String ta = a.getMetadata().getCreationTimestamp();
    String tb = b.getMetadata().getCreationTimestamp();
    boolean firstWins = ta == null || tb == null ? first.compareTo(second) < 0
        : java.time.Instant.parse(ta).compareTo(java.time.Instant.parse(tb)) <= 0;
    return Optional.of(firstWins ? firstBase : secondBase);
  }
}
