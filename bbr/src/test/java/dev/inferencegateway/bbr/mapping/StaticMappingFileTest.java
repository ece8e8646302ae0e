package dev.inferencegateway.bbr.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.bbr.metrics.BbrMetrics;
import dev.inferencegateway.bbr.testing.Bodies;
import dev.inferencegateway.bbr.testing.MetricsText;
import dev.inferencegateway.extproc.server.BuildInfo;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaticMappingFileTest {
  @TempDir
  Path dir;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final MappingProblems problems = new MappingProblems(new BbrMetrics(registry, new BuildInfo("v", "c", "r")));
  private final BaseModelMappings mappings = new BaseModelMappings(problems);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private Path write(String content) throws Exception {
    Path file = dir.resolve("mappings.yaml");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void seedFile_mapsAllFiveNames() throws Exception {
    try (StaticMappingFile file = new StaticMappingFile(write(Bodies.SEED_MAPPING_FILE), mappings,
        problems)) {
      file.start(scheduler, Duration.ofMinutes(1));

      for (String[] model : Bodies.SEED_MODELS) {
        assertThat(mappings.baseModelOf(model[0])).contains(model[1]);
      }
    }
  }

  @Test
  void adaptersMayBeAConfigMapStyleString_blanksSkipped_namesTrimmed() throws Exception {
    var sets = StaticMappingFile.parse(Path.of("m.yaml"), """
        - baseModel: "  base  "
          adapters: |
            - " a "
            - ""
            -
            - b
        - baseModel: other
        """.getBytes(StandardCharsets.UTF_8));

    assertThat(sets).hasSize(2);
    assertThat(sets.get(0).baseModel()).isEqualTo("base");
    assertThat(sets.get(0).adapters()).containsExactly("a", "b");
    assertThat(sets.get(1).adapters()).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "'- adapters: [a]'|base-model file m.yaml: entry 1: 'baseModel' is required and must not be empty",
      "'- baseModel: b\n  adaptors: [a]'|base-model file m.yaml: entry 1: unknown key 'adaptors' (known: adapters, baseModel)",
      "'- baseModel: b\n  adapters: {a: 1}'|base-model file m.yaml: entry 1: 'adapters' must be a YAML list of adapter names",
      "'- baseModel: b\n- baseModel: c\n  adapters: [[x]]'|base-model file m.yaml: entry 2: 'adapters[0]' must be an adapter name, got array",
      "'baseModel: b'|base-model file m.yaml: expected a list of entries with 'baseModel' and 'adapters'",
      "'- baseModel: [b'|base-model file m.yaml: invalid YAML at line 1"})
  void invalidFiles_nameTheFileEntryAndField(String content, String message) {
    assertThatThrownBy(() -> StaticMappingFile.parse(Path.of("m.yaml"), content.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidMappingException.class).hasMessageStartingWith(message);
  }

  @Test
  void invalidFileAtStartup_isFatal() throws Exception {
    Path file = write("- adapters: [a]\n");

    assertThatThrownBy(() -> new StaticMappingFile(file, mappings, problems).start(scheduler, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("base-model file " + file + ": entry 1: 'baseModel' is required and must not be empty");
  }

  @Test
  void changes_areReloaded_andAnInvalidChangeKeepsThePreviousMappings() throws Exception {
    Path path = write(Bodies.SEED_MAPPING_FILE);
    try (StaticMappingFile file = new StaticMappingFile(path, mappings, problems)) {
      file.start(scheduler, Duration.ofMillis(20));

      Files.writeString(path, "- baseModel: deepseek/vllm-deepseek-r1\n  adapters: [ski-resorts, food-review-1]\n");
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(mappings.baseModelOf("food-review-1")).contains("deepseek/vllm-deepseek-r1"));
      assertThat(mappings.baseModelOf("movie-critique")).isEmpty();

      Files.writeString(path, "- baseModel: [broken\n");
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(MetricsText.of(registry)).contains("bbr_base_model_mapping_errors_total{source=\"file\"} 1.0"));
      assertThat(mappings.baseModelOf("food-review-1")).contains("deepseek/vllm-deepseek-r1");

      Files.delete(path);
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(MetricsText.of(registry)).contains("bbr_base_model_mapping_errors_total{source=\"file\"} 2.0"));
      assertThat(mappings.baseModelOf("ski-resorts")).contains("deepseek/vllm-deepseek-r1");

      Files.writeString(path, Bodies.SEED_MAPPING_FILE);
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(mappings.baseModelOf("movie-critique")).contains("deepseek/vllm-deepseek-r1"));
    }
  }

  @Test
  void emptyFile_isInvalid_andEmptyListConfiguresNoMappings() throws Exception {
    assertThatThrownBy(() -> StaticMappingFile.parse(Path.of("m.yaml"), new byte[0]))
        .hasMessage("base-model file m.yaml: the file is empty (write [] to configure no mappings)");
    assertThat(StaticMappingFile.parse(Path.of("m.yaml"), "[]".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void aChangeIsAppliedOnlyOnceTwoPollsReadTheSameContent() throws Exception {
    Path path = write(Bodies.SEED_MAPPING_FILE);
    try (StaticMappingFile file = new StaticMappingFile(path, mappings, problems)) {
      file.start(scheduler, Duration.ofHours(1));

      Files.writeString(path, "- baseModel: deepseek/vllm-deepseek-r1\n");
      file.reloadIfChanged();
      assertThat(mappings.baseModelOf("food-review-1")).contains("meta-llama/Llama-3.1-8B-Instruct");

      Files.writeString(path, "- baseModel: deepseek/vllm-deepseek-r1\n  adapters: [food-review-1]\n");
      file.reloadIfChanged();
      assertThat(mappings.baseModelOf("food-review-1")).contains("meta-llama/Llama-3.1-8B-Instruct");
      file.reloadIfChanged();
      assertThat(mappings.baseModelOf("food-review-1")).contains("deepseek/vllm-deepseek-r1");

      Files.writeString(path, "");
      file.reloadIfChanged();
      file.reloadIfChanged();
      assertThat(mappings.baseModelOf("food-review-1")).contains("deepseek/vllm-deepseek-r1");
      assertThat(MetricsText.of(registry)).contains("bbr_base_model_mapping_errors_total{source=\"file\"} 1.0");
    }
  }
}
