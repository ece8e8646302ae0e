package dev.inferencegateway.bbr.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.inferencegateway.bbr.plugin.BodyField;
import dev.inferencegateway.epp.core.request.InferenceException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonBodyTest {
  private static JsonBody body(String text, Set<String> fields, boolean validate) throws BodyParseException {
    ByteString raw = ByteString.copyFromUtf8(text);
    return new JsonBody(raw, new JsonBodyScanner(fields, validate).scan(raw));
  }

  @Test
  void unchangedBody_isForwardedAsTheSameBytes() throws Exception {
    String text = "{ \"model\" : \"m\", \"temperature\": 0.10 }";
    JsonBody body = body(text, Set.of("model"), true);

    assertThat(body.field("model")).contains(BodyField.string("m"));
    assertThat(body.field("temperature")).contains(new BodyField(BodyField.Kind.NUMBER, "0.10"));
    assertThat(body.mutated()).isFalse();
    assertThat(body.bytes().toStringUtf8()).isEqualTo(text);
  }

  @Test
  void editedBody_isReserialised_keepingExactNumbers_andFieldsReadTheEdit() throws Exception {
    JsonBody body = body("{\"model\":\"food-review-1\",\"temperature\":0.1000000000000000055511151231257827,\"n\":12345678901234567890}",
        Set.of("model"), true);

    body.edit().put("model", "meta-llama/Llama-3.1-8B-Instruct");

    assertThat(body.mutated()).isTrue();
    assertThat(body.field("model")).contains(BodyField.string("meta-llama/Llama-3.1-8B-Instruct"));
    assertThat(body.bytes().toStringUtf8()).isEqualTo(
        "{\"model\":\"meta-llama/Llama-3.1-8B-Instruct\",\"temperature\":0.1000000000000000055511151231257827,"
            + "\"n\":12345678901234567890}");
  }

  @Test
  void readingATreeAfterAPartialScan_reportsTheInvalidRestAsBadRequest() throws Exception {
    JsonBody body = body("{\"model\":\"m\",\"messages\":[}", Set.of("model"), false);

    assertThat(body.field("model")).contains(BodyField.string("m"));
    assertThatThrownBy(body::tree).isInstanceOf(InferenceException.class)
        .hasMessageStartingWith("failed to parse request body: Unexpected close marker '}'");
  }
}
