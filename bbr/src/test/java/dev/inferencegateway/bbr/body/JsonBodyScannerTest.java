package dev.inferencegateway.bbr.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.inferencegateway.bbr.plugin.BodyField;
import dev.inferencegateway.bbr.testing.Bodies;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonBodyScannerTest {
  private final JsonBodyScanner model = new JsonBodyScanner(Set.of("model"), true);

  private static ByteString bytes(String text) {
    return ByteString.copyFromUtf8(text);
  }

  @Test
  void scan_findsModelFirstOrLast_andValidatesTheWholeBody() throws Exception {
    BodyScan first = model.scan(bytes(Bodies.largeChat("food-review-1", 50_000, true)));
    BodyScan last = model.scan(bytes(Bodies.largeChat("food-review-1", 50_000, false)));

    assertThat(first.field("model")).contains(BodyField.string("food-review-1"));
    assertThat(last.field("model")).contains(BodyField.string("food-review-1"));
    assertThat(first.validated()).isTrue();
    assertThat(last.validated()).isTrue();
  }

  @Test
  void scan_ignoresNestedFieldsOfTheSameName() throws Exception {
    BodyScan scan = model.scan(bytes("{\"metadata\":{\"model\":\"inner\"},\"messages\":[{\"model\":\"x\"}]}"));

    assertThat(scan.covers("model")).isTrue();
    assertThat(scan.field("model")).isEmpty();
  }

  @Test
  void scan_decodesEscapes_andTakesTheLastOfRepeatedNames() throws Exception {
    BodyScan scan = model.scan(bytes("{\"model\":\"a\",\"model\":\"caf\\u00e9\\/v1\"}"));

    assertThat(scan.field("model")).contains(BodyField.string("café/v1"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"model\": 12.50}|NUMBER|12.50",
      "{\"model\": true}|BOOLEAN|true",
      "{\"model\": null}|NULL|''",
      "{\"model\": \"\"}|STRING|''",
      "{\"model\": {\"name\" : [1, 2]}}|OBJECT|{\"name\":[1,2]}",
      "{\"model\": [ \"a\" ]}|ARRAY|[\"a\"]"})
  void scan_rendersEveryValueKind(String body, BodyField.Kind kind, String text) throws Exception {
    assertThat(model.scan(bytes(body)).field("model")).contains(new BodyField(kind, text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "''|the body is empty",
      "'   '|the body is empty",
      "[1,2]|the body must be a JSON object at line 1, column 1",
      "\"model\"|the body must be a JSON object",
      "{\"model\":\"m\"} {}|unexpected data after the JSON object at line 1, column 15",
      "{\"model\":\"m\",}|Unexpected character ('}' (code 125)): was expecting double-quote to start field name at line 1, column 14",
      "{\"model\":\"m\", \"messages\":[{\"role\":\"user\"}|Unexpected end-of-input: expected close marker for Array at line 1, column 42",
      "model=llama|Unrecognized token 'model'",
      "{\"model\":\"m\",\"n\":NaN}|Non-standard token 'NaN'"})
  void scan_rejectsWhatIsNotOneJsonObject_withAReason(String body, String reason) {
    assertThatThrownBy(() -> model.scan(bytes(body)))
        .isInstanceOf(BodyParseException.class)
        .hasMessageStartingWith(reason)
        .hasMessageNotContaining("Source");
  }

  @Test
  void scan_rejectsGarbageAfterTheModel_whenValidatingTheWholeBody() {
    assertThatThrownBy(() -> model.scan(bytes("{\"model\":\"m\",\"messages\":[}")))
        .isInstanceOf(BodyParseException.class).hasMessageContaining("line 1, column 26");
  }

  @Test
  void scan_withoutWholeValidation_stopsOnceTheFieldsAreFound() throws Exception {
    JsonBodyScanner partial = new JsonBodyScanner(Set.of("model"), false);

    BodyScan scan = partial.scan(bytes("{\"model\":\"m\",\"messages\":[}"));

    assertThat(scan.field("model")).contains(BodyField.string("m"));
    assertThat(scan.validated()).isFalse();
    assertThatThrownBy(() -> partial.scan(bytes("not json"))).isInstanceOf(BodyParseException.class);
  }

  @Test
  void scan_rejectsHostileNesting() {
    String deep = "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";

    assertThatThrownBy(() -> model.scan(bytes(deep)))
        .isInstanceOf(BodyParseException.class).hasMessageContaining("nesting depth");
  }

  @Test
  void scan_collectsSeveralFieldsInOnePass() throws Exception {
    JsonBodyScanner scanner = new JsonBodyScanner(Set.of("model", "user", "stream"), true);

    BodyScan scan = scanner.scan(bytes(Bodies.chat("ski-resorts").replace("\"max_tokens\"", "\"user\":\"u-1\",\"max_tokens\"")));

    assertThat(scan.field("model")).contains(BodyField.string("ski-resorts"));
    assertThat(scan.field("user")).contains(BodyField.string("u-1"));
    assertThat(scan.field("stream")).contains(new BodyField(BodyField.Kind.BOOLEAN, "true"));
  }
}
