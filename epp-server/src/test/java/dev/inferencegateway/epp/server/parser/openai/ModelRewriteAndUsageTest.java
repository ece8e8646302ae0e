package dev.inferencegateway.epp.server.parser.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.request.ByteSlice;
import dev.inferencegateway.epp.core.request.RequestBody;
import dev.inferencegateway.epp.core.request.Usage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRewriteAndUsageTest {
  private final OpenAiParser parser = new OpenAiParser("openai-parser");

  private RequestBody chat(String json) {
    return parser.parseRequest(Map.of(":path", "/v1/chat/completions"), json.getBytes(StandardCharsets.UTF_8));
  }

  private static ByteSlice bytes(String text) {
    return ByteSlice.of(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void sameModel_returnsTheSameBody() {
    RequestBody body = chat("{\"model\":\"a\",\"messages\":[{\"r\":1}]}");
    assertThat(parser.withModel(body, "a")).isSameAs(body);
  }

  @Test
  void newModel_isSplicedIntoTheOriginalBytes_andPromptBytesFollow() {
    RequestBody before = chat("{ \"messages\" : [{\"r\":1}], \"model\" : \"a\", \"x\": 1.50 }");
    RequestBody after = chat("{\"model\":\"a\",  \"messages\":[{\"r\":2}]}");

    RequestBody rewrittenBefore = parser.withModel(before, "llama-3-8b/\"x\"");
    RequestBody rewrittenAfter = parser.withModel(after, "b");

    assertThat(rewrittenBefore.raw().utf8())
        .isEqualTo("{ \"messages\" : [{\"r\":1}], \"model\" : \"llama-3-8b/\\\"x\\\"\", \"x\": 1.50 }");
    assertThat(rewrittenBefore.model()).contains("llama-3-8b/\"x\"");
    assertThat(rewrittenBefore.promptBytes().utf8()).isEqualTo("[{\"r\":1}]");
    assertThat(rewrittenAfter.raw().utf8()).isEqualTo("{\"model\":\"b\",  \"messages\":[{\"r\":2}]}");
    assertThat(rewrittenAfter.promptBytes().utf8()).isEqualTo("[{\"r\":2}]");
    assertThat(rewrittenAfter.promptBytes().array()).isSameAs(rewrittenAfter.raw().array());
    assertThat(chat(rewrittenBefore.raw().utf8()).model()).contains("llama-3-8b/\"x\"");
  }

  @Test
  void duplicateModelKeys_theLastOneIsReadAndRewritten() {
    RequestBody body = chat("{\"model\":\"first\",\"messages\":[1],\"model\":\"second\"}");
    assertThat(body.model()).contains("second");
    assertThat(parser.withModel(body, "third").raw().utf8())
        .isEqualTo("{\"model\":\"first\",\"messages\":[1],\"model\":\"third\"}");
  }

  @Test
  void usage_fromChatBodyWithCachedTokens() {
    String json = "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"message\":{\"content\":\"usage\"}}],"
        + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7,\"total_tokens\":18,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":4}}}";
    assertThat(parser.extractUsage(bytes(json), false)).contains(new Usage(11, 7, 18, 4));
  }

  @Test
  void usage_responsesSpellingAndUpstreamDetailsSpelling() {
    assertThat(parser.extractUsage(bytes("{\"object\":\"response\",\"usage\":{\"input_tokens\":5,"
        + "\"output_tokens\":\"3\",\"input_tokens_details\":{\"cached_tokens\":2}}}"), false))
        .contains(new Usage(5, 3, 8, 2));
    assertThat(parser.extractUsage(bytes("{\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1,"
        + "\"prompt_token_details\":{\"cached_tokens\":6}}}"), false))
        .contains(new Usage(9, 1, 10, 6));
  }

  @Test
  void usage_absentNullOrMalformed_isEmpty() {
    assertThat(parser.extractUsage(bytes("{\"choices\":[]}"), false)).isEmpty();
    assertThat(parser.extractUsage(bytes("{\"usage\":null}"), false)).isEmpty();
    assertThat(parser.extractUsage(bytes("{\"usage\":{\"prompt_tokens\":"), false)).isEmpty();
  }

  @Test
  void usage_fromServerSentEvents() {
    String events = "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"usage\"}}]}\n\n"
        + "data: {\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":7,"
        + "\"total_tokens\":17,\"completion_tokens\":10}}\n\n"
        + "data: [DONE]\n\n";
    assertThat(parser.extractUsage(bytes(events), true)).contains(new Usage(7, 10, 17, 0));
    assertThat(parser.extractUsage(bytes("data: [DONE]\n\n"), true)).isEmpty();
  }

  @Test
  void usage_fromResponsesCompletedEvent() {
    String events = "event: response.completed\r\n"
        + "data: {\"response\":{\"id\":\"r\",\"usage\":{\"input_tokens\":31,\"output_tokens\":4}},"
        + "\"type\":\"response.completed\"}\r\n\r\n";
    String inProgress = "data: {\"response\":{\"usage\":{\"input_tokens\":1}},\"type\":\"response.in_progress\"}\n";
    assertThat(parser.extractUsage(bytes(events), true)).contains(new Usage(31, 4, 35, 0));
    assertThat(parser.extractUsage(bytes(inProgress), true)).isEmpty();
  }
}
