package dev.inferencegateway.epp.server.parser.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.epp.core.request.ApiType;
import dev.inferencegateway.epp.core.request.ErrorCode;
import dev.inferencegateway.epp.core.request.InferenceException;
import dev.inferencegateway.epp.core.request.RequestBody;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiParserTest {
  private final OpenAiParser parser = new OpenAiParser("openai-parser");

  private RequestBody parse(String path, String json) {
    return parser.parseRequest(Map.of(":path", path), json.getBytes(StandardCharsets.UTF_8));
  }

  private void assertBadRequest(String path, String json, String message) {
    assertThatThrownBy(() -> parse(path, json)).isInstanceOfSatisfying(InferenceException.class, e -> {
      assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_REQUEST);
      assertThat(e.getMessage()).isEqualTo(message);
    });
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "/v1/chat/completions, CHAT_COMPLETIONS",
      "/v1/completions, COMPLETIONS",
      "/v1/responses, RESPONSES",
      "/v1/conversations, CONVERSATIONS",
      "/v1/embeddings, EMBEDDINGS",
      "/v1/projects/p/locations/l/endpoints/openapi/chat/completions?alt=sse, CHAT_COMPLETIONS",
      "/v1/embeddings/, EMBEDDINGS",
      "/generate, COMPLETIONS"})
  void apiIsChosenByPathSuffix(String path, ApiType expected) {
    assertThat(ApiPaths.apiType(Map.of(":path", path))).isEqualTo(expected);
  }

  @Test
  void originalPathHeaders_areUsedWhenThePathDoesNotName_anApi() {
    assertThat(ApiPaths.apiType(Map.of(":path", "/generate", "x-original-path", "/v1/chat/completions")))
        .isEqualTo(ApiType.CHAT_COMPLETIONS);
    assertThat(ApiPaths.apiType(Map.of(":path", "/x", "x-forwarded-path", "/v1/embeddings")))
        .isEqualTo(ApiType.EMBEDDINGS);
    assertThat(ApiPaths.apiType(Map.of())).isEqualTo(ApiType.COMPLETIONS);
  }

  @Test
  void chat_readsRoutingFieldsAndTheMessagesBytesAsSent() {
    String messages = "[ {\"role\": \"user\", \"content\": \"hi \\u00e9\"} ,{\"role\":\"assistant\",\"content\":[1,2]}]";
    RequestBody body = parse("/v1/chat/completions",
        "{\"stream\":true,\"messages\":" + messages + ",\"model\":\"llama\",\"cache_salt\":\"s1\",\"n\":{\"a\":[1]}}");

    assertThat(body.apiType()).isEqualTo(ApiType.CHAT_COMPLETIONS);
    assertThat(body.model()).contains("llama");
    assertThat(body.stream()).isTrue();
    assertThat(body.cacheSalt()).contains("s1");
    assertThat(body.promptBytes().utf8()).isEqualTo(messages);
    assertThat(body.promptBytes().array()).isSameAs(body.raw().array());
  }

  @Test
  void completions_promptTextIsUnescapedOnlyWhenNeeded() {
    RequestBody plain = parse("/v1/completions", "{\"model\":\"m\",\"prompt\":\"Write as if you were a critic\"}");
    RequestBody escaped = parse("/v1/completions", "{\"model\":\"m\",\"prompt\":\"line\\nnext \\\"q\\\"\"}");
    RequestBody array = parse("/v1/completions", "{\"model\":\"m\",\"prompt\":[\"a\",\"b\"],\"stream\":false}");

    assertThat(plain.promptBytes().utf8()).isEqualTo("Write as if you were a critic");
    assertThat(plain.promptBytes().array()).isSameAs(plain.raw().array());
    assertThat(escaped.promptBytes().utf8()).isEqualTo("line\nnext \"q\"");
    assertThat(array.promptBytes().utf8()).isEqualTo("[\"a\",\"b\"]");
    assertThat(array.stream()).isFalse();
  }

  @Test
  void responsesConversationsAndEmbeddings_promptBytes() {
    RequestBody responses = parse("/v1/responses",
        "{\"model\":\"m\",\"input\":\"hello\",\"instructions\":\"be brief\"}");
    RequestBody conversations = parse("/v1/conversations", "{\"model\":\"m\",\"items\":[{\"x\":1}]}");
    RequestBody embeddings = parse("/v1/embeddings", "{\"model\":\"m\",\"input\":[\"a b\"]}");

    assertThat(responses.promptBytes().utf8()).isEqualTo("[\"be brief\",null,\"hello\"]");
    assertThat(conversations.promptBytes().utf8()).isEqualTo("[{\"x\":1}]");
    assertThat(embeddings.promptBytes().utf8()).isEqualTo("[\"a b\"]");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "/v1/chat/completions|{\"model\":\"m\"}|invalid chat completions request: must have valid messages field",
      "/v1/chat/completions|{\"model\":\"m\",\"messages\":[]}|invalid chat completions request: must have valid messages field",
      "/v1/chat/completions|{\"model\":\"m\",\"messages\":\"hi\"}|invalid chat completions request: must have valid messages field",
      "/v1/completions|{\"model\":\"m\"}|invalid completions request: must have prompt field",
      "/v1/completions|{\"model\":\"m\",\"prompt\":\"\"}|invalid completions request: must have prompt field",
      "/v1/completions|{\"model\":\"m\",\"prompt\":7}|invalid completions request: must have prompt field",
      "/v1/responses|{\"model\":\"m\",\"input\":null}|invalid responses request: must have input field",
      "/v1/conversations|{\"model\":\"m\",\"items\":[]}|invalid conversations request: must have items field",
      "/v1/embeddings|{\"model\":\"m\",\"input\":[]}|invalid embeddings request: must have input field",
      "/v1/completions|[1,2]|invalid completions request: must have prompt field"})
  void invalidBodies_are400WithUpstreamMessages(String path, String json, String reason) {
    assertBadRequest(path, json, "error extracting request body: " + reason);
  }

  @Test
  void missingOrNonStringModel_is400ModelNotFound() {
    assertBadRequest("/v1/completions", "{\"prompt\":\"hi\"}", "model not found in request body");
    assertBadRequest("/v1/completions", "{\"prompt\":\"hi\",\"model\":5}", "model not found in request body");
    assertBadRequest("/v1/completions", "{\"prompt\":\"hi\",\"model\":null}", "model not found in request body");
  }

  @Test
  void malformedJson_is400() {
    assertThatThrownBy(() -> parse("/v1/completions", "{\"model\":\"m\",\"prompt\":\"hi\""))
        .isInstanceOfSatisfying(InferenceException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_REQUEST);
          assertThat(e.getMessage()).startsWith("error extracting request body: invalid JSON: ");
        });
    assertThatThrownBy(() -> parse("/v1/completions", "{\"model\":\"m\",\"prompt\":\"hi\"} {}"))
        .hasMessage("error extracting request body: invalid JSON: data after the top-level object");
    assertThatThrownBy(() -> parse("/v1/completions", ""))
        .hasMessage("error extracting request body: the request body is empty");
  }

  @Test
  void largeChatBody_isReadInOnePass() {
    StringBuilder content = new StringBuilder();
    while (content.length() < 220 * 1024) {
      content.append("The quick brown fox jumps over the lazy dog. ");
    }
    String messages = "[{\"role\":\"user\",\"content\":\"" + content + "\"}]";
    RequestBody body = parse("/v1/chat/completions", "{\"messages\":" + messages + ",\"model\":\"big\"}");

    assertThat(body.model()).contains("big");
    assertThat(body.promptBytes().length()).isEqualTo(messages.length());
  }
}
