package dev.inferencegateway.epp.datastore.plugins.metricsextractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetricSpecTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      vllm:num_requests_waiting                                   | vllm:num_requests_waiting | {}
      `  spaced_name  `                                           | spaced_name               | {}
      nv_trt_llm_request_metrics{request_type=waiting}            | nv_trt_llm_request_metrics | {request_type=waiting}
      `m{a="x y", b = 'z'}`                                      | m                         | {a=x y, b=z}
      `m{a="q\\"uote",}`                                         | m                         | {a=q"uote}
      `{__name__="m", a="1"}`                                    | m                         | {a=1}
      `m{a!="1", b=~"x.*", c!~"y", __meta="z", d=2}`             | m                         | {d=2}
      """)
  void parse_validSpec(String spec, String name, String labels) {
    MetricSpec parsed = MetricSpec.parse(spec).orElseThrow();

    assertThat(parsed.name()).isEqualTo(name);
    assertThat(new java.util.TreeMap<>(parsed.labels()).toString()).isEqualTo(labels);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "  "})
  void parse_blank_disables(String spec) {
    assertThat(MetricSpec.parse(spec)).isEmpty();
    assertThat(MetricSpec.parse(null)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      m{a=1                | expected ',' or '}' at position 5
      `{a="1"}`            | missing metric name
      m{=1}                | invalid label name at position 2
      m{a}                 | expected '=' at position 3
      `m{a="1}`            | unterminated label value
      m x                  | unexpected 'x' at position 2
      `m{a="1" b="2"}`     | expected ',' or '}' at position 8
      m{a=1,a=2}           | label a given twice
      `m{__name__="n"}`    | two metric names: m and n
      """)
  void parse_invalidSpec_saysWhy(String spec, String reason) {
    assertThatThrownBy(() -> MetricSpec.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid metric spec \"" + spec + "\": " + reason);
  }

  @org.junit.jupiter.api.Test
  void toString_rendersTheSelector() {
    assertThat(new MetricSpec("m", Map.of("b", "2", "a", "1"))).hasToString("m{a=\"1\",b=\"2\"}");
  }
}
