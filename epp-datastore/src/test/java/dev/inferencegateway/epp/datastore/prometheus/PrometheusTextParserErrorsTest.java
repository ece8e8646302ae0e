package dev.inferencegateway.epp.datastore.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrometheusTextParserErrorsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      missing value                 | `ok 1\\nwanted{a="b"}`             | 2 | missing value
      invalid value                 | `wanted 1.2.3`                     | 1 | invalid value "1.2.3"
      hex value                     | `wanted 0x10`                      | 1 | invalid value "0x10"
      unterminated label value      | `wanted{a="b} 1`                   | 1 | unterminated quoted string
      unterminated label set        | `wanted{a="b" 1`                   | 1 | expected ',' or '}' after label value
      invalid escape                | `wanted{a="\\t"} 1`                | 1 | invalid escape sequence \\t
      invalid metric name           | `1wanted 1`                        | 1 | invalid metric name
      dash in metric name           | `wan-ted 1`                        | 1 | invalid metric name
      invalid label name            | `wanted{1a="b"} 1`                 | 1 | invalid label name
      missing equals                | `wanted{a "b"} 1`                  | 1 | expected '=' after label name
      unquoted label value          | `wanted{a=b} 1`                    | 1 | label value must be a quoted string
      duplicate label               | `wanted{a="1",a="2"} 1`            | 1 | duplicate label name "a"
      unknown type                  | `# TYPE wanted gauges`             | 1 | unknown metric type "gauges"
      type without name             | `# TYPE`                           | 1 | missing metric name after # TYPE
      invalid timestamp             | `wanted 1 12.5`                    | 1 | invalid timestamp "12.5"
      text after timestamp          | `wanted 1 12 extra`                | 1 | unexpected text after the timestamp
      bad help escape               | `# HELP wanted oops \\q`           | 1 | invalid escape sequence in help text
      missing metric name in braces | `{a="b"} 1`                        | 1 | missing metric name
      error in unselected family    | `wanted 1\\nother{x="1} 2`         | 2 | unterminated quoted string
      """)
  void parse_malformedLine_namesTheLineAndTheReason(String name, String text, int line, String reason) {
    byte[] data = text.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> new PrometheusTextParser().parse(data, FamilySelection.of("wanted"),
        ExpositionFormat.PROMETHEUS_TEXT))
        .isInstanceOfSatisfying(PrometheusParseException.class, e -> {
          assertThat(e.lineNumber()).isEqualTo(line);
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.getMessage()).startsWith("line " + line + ": " + reason + " in \"");
        });
  }
}
