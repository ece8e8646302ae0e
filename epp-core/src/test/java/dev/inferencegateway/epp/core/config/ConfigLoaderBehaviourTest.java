package dev.inferencegateway.epp.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.epp.core.config.TestPlugins.FixedScorer;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.PluginRegistry;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.testing.FakeDatastore;
import dev.inferencegateway.epp.core.testing.TestHandles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loader behaviour outside the table: file sources, the plugin handle, exception details. */
class ConfigLoaderBehaviourTest {
  private final ConfigLoader loader = new ConfigLoader(TestRegistry.registry(),
      TestHandles.environment(new FakeDatastore(), 1), LoaderCase.testOptions());

  @Test
  void load_errorInFile_namesThePathLinePluginAndField(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("epp.yaml");
    Files.writeString(file, LoaderCase.HEADER + """
        plugins:
        - name: pick
          type: max-score-picker
          parameters: {maxNumOfEndpoints: 0}
        """);

    assertThatThrownBy(() -> loader.load(ConfigSource.file(file)))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("invalid configuration (file " + file + ", line 6, column 16):"
              + " failed to load the configuration - plugin instantiation failed: failed to create plugin"
              + " 'pick' (type: max-score-picker): parameter 'maxNumOfEndpoints': must be >= 1, got 0");
          assertThat(e.source().path()).contains(file);
          assertThat(e.position()).contains(new SourcePosition(6, 16));
          assertThat(e.detail()).startsWith("failed to load the configuration - ");
        });
  }

  @Test
  void load_missingFile_namesTheFile(@TempDir Path dir) {
    Path file = dir.resolve("absent.yaml");

    assertThatThrownBy(() -> loader.load(ConfigSource.file(file)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("invalid configuration (file " + file + "): failed to read the configuration file: ")
        .hasMessageContaining("NoSuchFileException");
  }

  @Test
  void load_pluginsSeeEarlierPluginsByNameAndTheirWarningsAreKept() {
    List<Optional<Plugin>> seen = new ArrayList<>();
    PluginDescriptor<?> lookingBack = PluginDescriptor.withoutParameters("looking-back", (name, p, handle) -> {
      seen.add(handle.plugin("first"));
      handle.warn("looking-back saw " + handle.pluginsOf(FixedScorer.class).size() + " scorer(s)");
      return new FixedScorer(new TypedName("looking-back", name), p, Set.of());
    }).build();
    List<PluginDescriptor<?>> descriptors = new ArrayList<>(TestRegistry.descriptors());
    descriptors.add(lookingBack);
    ConfigLoader custom = new ConfigLoader(PluginRegistry.of(descriptors),
        TestHandles.environment(new FakeDatastore(), 1), LoaderCase.testOptions());

    LoadedConfig loaded = custom.load(ConfigSource.text(LoaderCase.HEADER + """
        plugins: [{name: first, type: queue-scorer}, {type: looking-back}]
        """));

    assertThat(seen).singleElement().satisfies(p -> assertThat(p).contains(loaded.plugin("first").orElseThrow()));
    assertThat(loaded.warnings()).containsExactly("looking-back saw 1 scorer(s)");
    assertThat(loaded.handle().plugin("looking-back")).isPresent();
  }

  @Test
  void load_builtInDefault_isTheResourceShippedWithTheLoader() {
    LoadedConfig loaded = loader.load(ConfigSource.builtInDefault());

    assertThat(ConfigSource.builtInDefault().read()).contains("weight: 3");
    assertThat(loaded.source().isBuiltInDefault()).isTrue();
    assertThat(loaded.effectiveYaml()).isEqualTo(LoaderSuccessCases.DEFAULT_EFFECTIVE);
  }

  @Test
  void quantity_parsesKubernetesSuffixes() {
    assertThat(Quantity.parse("10Gi").value()).isEqualTo(10L << 30);
    assertThat(Quantity.parse("500M").value()).isEqualTo(500_000_000L);
    assertThat(Quantity.parse("1k").value()).isEqualTo(1000L);
    assertThat(Quantity.parse("1.5Ki").value()).isEqualTo(1536L);
    assertThat(Quantity.parse("1e3").value()).isEqualTo(1000L);
    assertThat(Quantity.parse("100m").value()).isEqualTo(1L);
    assertThat(Quantity.parse("42").value()).isEqualTo(42L);
    assertThat(Quantity.parse("1Ei").value()).isEqualTo(1L << 60);
    assertThat(Quantity.parse("2E").value()).isEqualTo(2_000_000_000_000_000_000L);
    assertThatThrownBy(() -> Quantity.parse("10GB")).hasMessage(
        "invalid quantity '10GB' (expected a number with an optional suffix such as 500M, 10Gi or 1k)");
    assertThatThrownBy(() -> Quantity.parse("-1Gi")).hasMessage("quantity '-1Gi' must not be negative");
    assertThatThrownBy(() -> Quantity.parse("100Ei")).hasMessage("quantity '100Ei' is too large");
  }
}
