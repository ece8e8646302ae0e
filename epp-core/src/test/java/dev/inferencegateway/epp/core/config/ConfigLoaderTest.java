package dev.inferencegateway.epp.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.epp.core.plugin.PluginEnvironment;
import dev.inferencegateway.epp.core.testing.FakeDatastore;
import dev.inferencegateway.epp.core.testing.TestHandles;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loader table in the spirit of upstream's {@code configloader_test.go}: every case asserts
 * the exact error text or the loaded configuration, and every loaded configuration's effective
 * YAML must load again to the same effective configuration.
 */
class ConfigLoaderTest {
  private static final PluginEnvironment ENV = TestHandles.environment(new FakeDatastore(), 42);

  static Stream<Arguments> cases() {
    return Stream.concat(LoaderSuccessCases.cases(), LoaderErrorCases.cases()).map(LoaderCase::arguments);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void load(String name, LoaderCase c) {
    ConfigLoader loader = new ConfigLoader(c.registry(), ENV, c.options());
    if (c.error() != null) {
      assertThatThrownBy(() -> loader.load(c.source()))
          .isInstanceOf(ConfigException.class)
          .hasMessage(c.error());
      return;
    }
    LoadedConfig loaded = loader.load(c.source());
    c.check().accept(loaded);
    LoadedConfig reloaded = loader.load(ConfigSource.text(loaded.effectiveYaml()));
    assertThat(reloaded.effectiveConfig()).as("effective config reloaded").isEqualTo(loaded.effectiveConfig());
    assertThat(reloaded.plugins().keySet()).containsExactlyElementsOf(loaded.plugins().keySet());
  }
}
