package dev.inferencegateway.bbr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluginSpecTest {
  @Test
  void parse_typeNameAndJson_whoseValuesMayContainColons() {
    PluginSpec spec = PluginSpec.parse(
        "body-field-to-header:model-extractor:{\"fieldName\":\"model\",\"headerName\":\"X-A:B\"}");

    assertThat(spec.type()).isEqualTo("body-field-to-header");
    assertThat(spec.name()).isEqualTo("model-extractor");
    assertThat(spec.parameters()).hasValueSatisfying(p -> assertThat(p.get("headerName").asText()).isEqualTo("X-A:B"));
  }

  @Test
  void parse_typeAndName_withoutParameters() {
    PluginSpec spec = PluginSpec.parse("base-model-to-header:base-model-mapper");

    assertThat(spec.name()).isEqualTo("base-model-mapper");
    assertThat(spec.parameters()).isEmpty();
    assertThat(spec.toFlagValue()).isEqualTo("base-model-to-header:base-model-mapper");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "base-model-to-header|invalid --plugin 'base-model-to-header': expected <type>:<name>[:<json>]",
      ":name|invalid --plugin ':name': the plugin type is empty",
      "base-model-to-header:|invalid --plugin 'base-model-to-header:': the plugin name is empty",
      "body-field-to-header:x:{\"fieldName\":|invalid --plugin 'body-field-to-header:x:{\"fieldName\":': the parameters of plugin 'x' are not valid JSON",
      "body-field-to-header:x:[1]|invalid --plugin 'body-field-to-header:x:[1]': the parameters of plugin 'x' must be a JSON object"})
  void parse_rejectsMalformedValues_namingThem(String value, String message) {
    assertThatThrownBy(() -> PluginSpec.parse(value)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }
}
