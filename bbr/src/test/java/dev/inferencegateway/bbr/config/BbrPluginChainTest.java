package dev.inferencegateway.bbr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.bbr.plugin.BaseModelLookup;
import dev.inferencegateway.bbr.plugin.BbrRecorder;
import dev.inferencegateway.bbr.plugins.BbrPlugins;
import dev.inferencegateway.epp.core.plugin.PluginRegistry;
import dev.inferencegateway.epp.core.plugin.TypedName;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BbrPluginChainTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final PluginRegistry registry = PluginRegistry.of(new BbrPlugins().descriptors());

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private BbrHandle handle() {
    return new BbrHandle(Clock.systemUTC(), System::nanoTime, new Random(1), scheduler, BaseModelLookup.NONE,
        BbrRecorder.NOOP);
  }

  private BbrPluginChain build(String... specs) {
    return BbrPluginChain.build(List.of(specs).stream().map(PluginSpec::parse).toList(), registry, handle());
  }

  @Test
  void noSpecs_giveTheDefaultChain_namedAsTheHelmChart() {
    BbrHandle handle = handle();
    BbrPluginChain chain = BbrPluginChain.build(List.of(), registry, handle);

    assertThat(chain.requestProcessors()).extracting(p -> p.typedName()).containsExactly(
        new TypedName("body-field-to-header", "model-extractor"),
        new TypedName("base-model-to-header", "base-model-mapper"));
    assertThat(chain.responseProcessors()).isEmpty();
    assertThat(chain.bodyFields()).containsExactly("model");
    assertThat(handle.baseModelsUsed()).isTrue();
  }

  @Test
  void specs_keepTheirOrder_andCollectEveryBodyField() {
    BbrPluginChain chain = build(
        "body-field-to-header:user:{\"fieldName\":\"user\",\"headerName\":\"x-user\"}",
        "body-field-to-header:model:{\"fieldName\":\"model\",\"headerName\":\"X-Gateway-Model-Name\"}");

    assertThat(chain.requestProcessors()).extracting(p -> p.typedName().name()).containsExactly("user", "model");
    assertThat(chain.bodyFields()).containsExactly("user", "model");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "unknown-plugin:x|invalid --plugin 'unknown-plugin:x': unknown plugin type 'unknown-plugin' (known: base-model-to-header, body-field-to-header)",
      "body-field-to-header:x:{\"headerName\":\"x-h\"}|plugin 'x' (type: body-field-to-header): parameter 'fieldName': is required",
      "body-field-to-header:x:{\"fieldName\":\"model\"}|plugin 'x' (type: body-field-to-header): parameter 'headerName': is required",
      "body-field-to-header:x:{\"fieldName\":\"model\",\"headerName\":\"bad header\"}|plugin 'x' (type: body-field-to-header): parameter 'headerName': must be a valid HTTP header name, got 'bad header'",
      "body-field-to-header:x:{\"fieldName\":\"model\",\"headerName\":\"h\",\"field_name\":\"m\"}|plugin 'x' (type: body-field-to-header): parameter 'field_name': unknown parameter (known: fieldName, headerName)",
      "base-model-to-header:b:{\"header\":\"x\"}|plugin 'b' (type: base-model-to-header): parameter 'header': unknown parameter"})
  void invalidSpecs_stopStartup_namingThePlugin(String spec, String message) {
    assertThatThrownBy(() -> build(spec)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
  }

  @Test
  void aRepeatedName_isRejected() {
    assertThatThrownBy(() -> build("base-model-to-header:m", "base-model-to-header:m"))
        .hasMessage("invalid --plugin 'base-model-to-header:m': plugin name 'm' is used twice");
  }

  @Test
  void bodyFieldOnly_doesNotNeedBaseModels() {
    BbrHandle handle = handle();
    BbrPluginChain.build(List.of(PluginSpec.parse(
        "body-field-to-header:m:{\"fieldName\":\"model\",\"headerName\":\"X-Gateway-Model-Name\"}")), registry, handle);

    assertThat(handle.baseModelsUsed()).isFalse();
  }
}
