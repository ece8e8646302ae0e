package dev.inferencegateway.epp.core.config;

import static dev.inferencegateway.epp.core.config.LoaderSuccessCases.names;
import static dev.inferencegateway.epp.core.config.LoaderSuccessCases.parameters;
import static dev.inferencegateway.epp.core.config.LoaderSuccessCases.profile;
import static dev.inferencegateway.epp.core.config.LoaderSuccessCases.weights;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.config.TestRegistry.PrefixParams;
import dev.inferencegateway.epp.core.testing.FakeDatastore;
import dev.inferencegateway.epp.core.testing.TestHandles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Loads the sample configurations of {@code config/epp} with test plugins registered under the
 * upstream type names and parameter names, checking their structure and weights.
 */
class SampleConfigsTest {
  private static final Path SAMPLES = Path.of("..", "config", "epp");
  private final ConfigLoader loader = new ConfigLoader(TestRegistry.registry(),
      TestHandles.environment(new FakeDatastore(), 7), LoaderCase.testOptions());

  @Test
  void defaultSample_routesLikeTheBuiltInDefault() {
    LoadedConfig sample = load("default.yaml");
    LoadedConfig builtIn = loader.load(ConfigSource.builtInDefault());

    assertThat(sample.warnings()).isEmpty();
    assertThat(sample.plugins().keySet()).containsExactlyInAnyOrderElementsOf(builtIn.plugins().keySet());
    assertThat(weights(profile(sample, "default"))).isEqualTo(weights(profile(builtIn, "default")));
    assertThat(profile(sample, "default").picker().typedName().name()).isEqualTo("max-score-picker");
    assertThat(sample.scheduler().handler().typedName().name()).isEqualTo("single-profile-handler");
    assertThat(sample.parser().typedName().name()).isEqualTo("openai-parser");
    assertThat(sample.saturationDetector().typedName().name()).isEqualTo("utilization-detector");
    assertThat(sample.dataSources()).singleElement().satisfies(b -> {
      assertThat(b.source().typedName().name()).isEqualTo("metrics-data-source");
      assertThat(names(b.extractors())).containsExactly("core-metrics-extractor");
    });
    assertThat(names(sample.dataProducers())).containsExactly("approx-prefix-cache-producer");
    assertThat(parameters(sample, "approx-prefix-cache-producer"))
        .isEqualTo(parameters(builtIn, "approx-prefix-cache-producer"));
  }

  @Test
  void loraHeavySample_weightsAdapterAffinityAboveLoad() {
    LoadedConfig sample = load("lora-heavy.yaml");

    assertThat(sample.warnings()).isEmpty();
    assertThat(weights(profile(sample, "default"))).containsExactly(
        Map.entry("lora-affinity-scorer", 4.0), Map.entry("queue-scorer", 2.0),
        Map.entry("kv-cache-utilization-scorer", 1.0), Map.entry("prefix-cache-scorer", 1.0));
    assertThat(profile(sample, "default").picker().typedName().name()).isEqualTo("max-score-picker");
  }

  @Test
  void prefixHeavySample_configuresTheProducerExplicitly() {
    LoadedConfig sample = load("prefix-heavy.yaml");

    assertThat(sample.warnings()).isEmpty();
    assertThat(weights(profile(sample, "default"))).containsExactly(
        Map.entry("prefix-cache-scorer", 4.0), Map.entry("queue-scorer", 2.0),
        Map.entry("kv-cache-utilization-scorer", 1.0));
    assertThat(parameters(sample, "approx-prefix-cache-producer"))
        .isEqualTo(new PrefixParams(true, 16, 512, 0, 31250));
    assertThat(names(sample.dataProducers())).containsExactly("approx-prefix-cache-producer");
  }

  private LoadedConfig load(String file) {
    LoadedConfig loaded = loader.load(ConfigSource.file(SAMPLES.resolve(file)));
    assertThat(loader.load(ConfigSource.text(loaded.effectiveYaml())).effectiveConfig())
        .isEqualTo(loaded.effectiveConfig());
    return loaded;
  }
}
