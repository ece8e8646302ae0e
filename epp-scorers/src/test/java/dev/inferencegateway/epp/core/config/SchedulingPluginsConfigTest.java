package dev.inferencegateway.epp.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.PluginRegistry;
import dev.inferencegateway.epp.core.scheduling.SchedulerProfile;
import dev.inferencegateway.epp.core.testing.FakeDatastore;
import dev.inferencegateway.epp.core.testing.TestHandles;
import dev.inferencegateway.epp.plugins.SchedulingPlugins;
import dev.inferencegateway.epp.plugins.producer.prefix.ApproxPrefixCacheProducer;
import dev.inferencegateway.epp.plugins.producer.prefix.PrefixCacheParameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real scheduling plugins load through epp-core's config loader: the built-in default, every
 * sample in {@code config/epp/}, and upstream's v1.0 placement of prefix parameters. Plugins of
 * other modules (parser, data layer) are the loader tests' stand-ins.
 */
class SchedulingPluginsConfigTest {
  private static final Path SAMPLES = Path.of("..", "config", "epp");
  private final ConfigLoader loader = new ConfigLoader(registry(),
      TestHandles.environment(new FakeDatastore(), 7), LoaderOptions.defaults());

  static Stream<String> samples() throws java.io.IOException {
    try (Stream<Path> files = java.nio.file.Files.list(SAMPLES)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void builtInDefault_loadsTheRealDefaultProfile() {
    LoadedConfig loaded = loader.load(ConfigSource.builtInDefault());

    SchedulerProfile profile = loaded.scheduler().profiles().get("default");
    assertThat(profile.scorers()).extracting(w -> w.scorer().typedName().type() + "=" + w.weight())
        .containsExactly("queue-scorer=2.0", "kv-cache-utilization-scorer=2.0", "prefix-cache-scorer=3.0");
    assertThat(profile.picker().typedName().type()).isEqualTo("max-score-picker");
    assertThat(loaded.scheduler().handler().typedName().type()).isEqualTo("single-profile-handler");
    assertThat(loaded.dataProducers()).singleElement().isInstanceOf(ApproxPrefixCacheProducer.class);
    assertThat(loaded.saturationDetector().typedName().type()).isEqualTo("utilization-detector");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void sample_loadsWithTheRealPlugins(String file) {
    LoadedConfig loaded = loader.load(ConfigSource.file(SAMPLES.resolve(file)));

    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.scheduler().profiles()).isNotEmpty();
  }

  @Test
  void v1PrefixParametersOnTheScorer_reachTheProducerWithAWarning() {
    LoadedConfig loaded = loader.load(ConfigSource.text("""
        apiVersion: inference.networking.x-k8s.io/v1alpha1
        kind: EndpointPickerConfig
        plugins:
        - type: prefix-cache-scorer
          parameters:
            hashBlockSize: 128
            maxPrefixBlocksToMatch: 64
            lruCapacityPerServer: 1000
        schedulingProfiles:
        - name: default
          plugins:
          - pluginRef: prefix-cache-scorer
        """));

    PrefixCacheParameters parameters = loaded.pluginsOf(ApproxPrefixCacheProducer.class).get(0).parameters();
    assertThat(parameters.blockSizeTokens()).isEqualTo(32);
    assertThat(parameters.maxPrefixBlocksToMatch()).isEqualTo(64);
    assertThat(parameters.lruCapacityPerServer()).isEqualTo(1000);
    assertThat(String.join("\n", loaded.warnings())).contains("hashBlockSize");
  }

  @Test
  void badParameter_namesPluginAndField() {
    assertThatThrownBy(() -> loader.load(ConfigSource.text("""
        apiVersion: inference.networking.x-k8s.io/v1alpha1
        kind: EndpointPickerConfig
        plugins:
        - type: max-score-picker
          name: picker
          parameters:
            maxNumOfEndpoints: 0
        schedulingProfiles:
        - name: default
          plugins:
          - pluginRef: picker
        """))).hasMessageContaining("picker").hasMessageContaining("maxNumOfEndpoints");
  }

  private static PluginRegistry registry() {
    List<PluginDescriptor<?>> descriptors = new ArrayList<>(new SchedulingPlugins().descriptors());
    Set<String> real = descriptors.stream().map(PluginDescriptor::type).collect(Collectors.toSet());
    TestRegistry.descriptors().stream().filter(d -> !real.contains(d.type())).forEach(descriptors::add);
    return PluginRegistry.of(descriptors);
  }
}
