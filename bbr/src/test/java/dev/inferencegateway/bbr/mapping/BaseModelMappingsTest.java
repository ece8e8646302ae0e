package dev.inferencegateway.bbr.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.bbr.metrics.BbrMetrics;
import dev.inferencegateway.bbr.testing.MetricsText;
import dev.inferencegateway.extproc.server.BuildInfo;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaseModelMappingsTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final BaseModelMappings mappings =
      new BaseModelMappings(new MappingProblems(new BbrMetrics(registry, new BuildInfo("v", "c", "r"))));

  private static MappingSet set(String source, String created, String base, String... adapters) {
    return new MappingSet(source, Instant.parse(created), 0, base, Set.of(adapters));
  }

  @Test
  void adapterMapsToBase_baseToItself_unknownToNothing_namesTrimmed() {
    mappings.replace("a", List.of(set("a", "2026-01-01T00:00:00Z", "meta-llama/Llama-3.1-8B-Instruct", "food-review-1")));

    assertThat(mappings.baseModelOf("food-review-1")).contains("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(mappings.baseModelOf(" food-review-1\t")).contains("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(mappings.baseModelOf("meta-llama/Llama-3.1-8B-Instruct")).contains("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(mappings.baseModelOf("unknown")).isEmpty();
  }

  @Test
  void severalSourcesShareABase_andABaseStaysKnownWhileAnySourceNamesIt() {
    mappings.replace("a", List.of(set("a", "2026-01-01T00:00:00Z", "base", "x")));
    mappings.replace("b", List.of(set("b", "2026-01-02T00:00:00Z", "base", "y")));
    mappings.replace("a", List.of());

    assertThat(mappings.baseModelOf("x")).isEmpty();
    assertThat(mappings.baseModelOf("y")).contains("base");
    assertThat(mappings.baseModelOf("base")).contains("base");
    assertThat(mappings.conflicts()).isEmpty();
  }

  @Test
  void aNameMappedTwice_isAConflict_wonByTheOldest_thenBySourceName() {
    mappings.replace("ConfigMap ns/new", List.of(set("ConfigMap ns/new", "2026-02-01T00:00:00Z", "base-b", "shared")));
    mappings.replace("ConfigMap ns/old", List.of(set("ConfigMap ns/old", "2026-01-01T00:00:00Z", "base-a", "shared")));
    mappings.replace("ConfigMap ns/also-old", List.of(set("ConfigMap ns/also-old", "2026-01-01T00:00:00Z", "base-c", "other")));
    mappings.replace("ConfigMap ns/z-same-age", List.of(set("ConfigMap ns/z-same-age", "2026-01-01T00:00:00Z", "base-d", "other")));

    assertThat(mappings.baseModelOf("shared")).contains("base-a");
    assertThat(mappings.baseModelOf("other")).contains("base-c");
    assertThat(mappings.conflicts()).containsExactlyInAnyOrder(
        new MappingConflict("shared", "ConfigMap ns/old", "base-a", "ConfigMap ns/new", "base-b"),
        new MappingConflict("other", "ConfigMap ns/also-old", "base-c", "ConfigMap ns/z-same-age", "base-d"));
    assertThat(MetricsText.of(registry)).contains("bbr_base_model_mapping_conflicts 2.0");

    mappings.replace("ConfigMap ns/old", List.of());

    assertThat(mappings.baseModelOf("shared")).contains("base-b");
    assertThat(MetricsText.of(registry)).contains("bbr_base_model_mapping_conflicts 1.0");
  }

  @Test
  void anAdapterNamedLikeAnotherBase_conflictsWithThatBase() {
    mappings.replace("a", List.of(set("a", "2026-01-01T00:00:00Z", "m1", "m2")));
    mappings.replace("b", List.of(set("b", "2026-01-02T00:00:00Z", "m2")));

    assertThat(mappings.baseModelOf("m2")).contains("m1");
    assertThat(mappings.conflicts()).extracting(MappingConflict::name).containsExactly("m2");
  }
}
