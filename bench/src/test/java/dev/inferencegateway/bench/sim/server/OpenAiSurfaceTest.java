package dev.inferencegateway.bench.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inferencegateway.bench.sim.SimFleet;
import dev.inferencegateway.bench.sim.testing.SimHttp;
import dev.inferencegateway.bench.sim.testing.TestFleets;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenAiSurfaceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "meta-llama/Llama-3.1-8B-Instruct";
  private static final String SEED_CHAT = """
      {"model": "meta-llama/Llama-3.1-8B-Instruct", "max_tokens": 100, "temperature": 0,
       "messages": [{"role": "developer", "content": "You are a helpful assistant."},
                    {"role": "user", "content": "Linux is said to be an open source kernel because "}]}""";

  private static SimFleet fleet;
  private static SimServer server;
  private static URI uri;
  private final SimHttp http = new SimHttp();

  @BeforeAll
  static void startFleet() throws Exception {
    fleet = SimFleet.start(TestFleets.instant(1, BASE, "food-review-1"));
    server = fleet.server("test-pool-0");
    uri = server.baseUri();
  }

  @AfterAll
  static void stopFleet() {
    fleet.close();
  }

  @Test
  void chatCompletion_answersWithAMessageUsageAndThePodHeaders() throws Exception {
    HttpResponse<String> response = http.post(uri, "/v1/chat/completions", SEED_CHAT);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-inference-pod")).hasValue("test-pool-0");
    assertThat(response.headers().firstValue("x-inference-port")).hasValue(Integer.toString(server.port()));
    assertThat(response.headers().firstValue("x-inference-namespace")).hasValue("default");
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("id").asText()).startsWith("chatcmpl-");
    assertThat(body.get("object").asText()).isEqualTo("chat.completion");
    assertThat(body.get("model").asText()).isEqualTo(BASE);
    JsonNode choice = body.get("choices").get(0);
    assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
    String content = choice.get("message").get("content").asText();
    JsonNode usage = body.get("usage");
    int completion = usage.get("completion_tokens").asInt();
    assertThat(completion).isBetween(50, 100);
    assertThat(content.length()).isBetween(completion * 2, completion * 4);
    assertThat(choice.get("finish_reason").asText()).isEqualTo(completion == 100 ? "length" : "stop");
    assertThat(usage.get("prompt_tokens").asInt()).isBetween(25, 40);
    assertThat(usage.get("total_tokens").asInt()).isEqualTo(usage.get("prompt_tokens").asInt() + completion);
    assertThat(usage.get("prompt_tokens_details").get("cached_tokens").isInt()).isTrue();
  }

  @Test
  void sameRequestTwice_givesTheSameTextAndReportsCachedTokens() throws Exception {
    String body = """
        {"model": "food-review-1", "max_tokens": 20, "temperature": 0,
         "messages": [{"role": "reviewer", "content": "You are a helpful assistant."},
                      {"role": "user", "content": "Write a review of the best restaurans in San-Francisco"}]}""";
    JsonNode first = JSON.readTree(http.post(uri, "/v1/chat/completions", body).body());
    JsonNode second = JSON.readTree(http.post(uri, "/v1/chat/completions", body).body());

    assertThat(second.get("model").asText()).isEqualTo("food-review-1");
    assertThat(second.at("/choices/0/message/content").asText()).isEqualTo(first.at("/choices/0/message/content").asText());
    int prompt = second.at("/usage/prompt_tokens").asInt();
    assertThat(second.at("/usage/prompt_tokens_details/cached_tokens").asInt()).isEqualTo((prompt - 1) / 16 * 16)
        .isPositive();
  }

  @Test
  void streamingCompletion_sendsTextChunksAUsageChunkAndDone() throws Exception {
    HttpResponse<String> response = http.post(uri, "/v1/completions", """
        {"model": "food-review-1", "prompt": "Write as if you were a critic: San Francisco ", "max_tokens": 7,
         "ignore_eos": true, "stream": true, "stream_options": {"include_usage": true}}""");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    List<String> data = SimHttp.sseData(response.body());
    assertThat(data).hasSize(7 + 2);
    assertThat(data.getLast()).isEqualTo("[DONE]");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      JsonNode chunk = JSON.readTree(data.get(i));
      assertThat(chunk.get("object").asText()).isEqualTo("text_completion");
      text.append(chunk.at("/choices/0/text").asText());
      assertThat(chunk.at("/choices/0/finish_reason").isNull()).isEqualTo(i < 6);
    }
    assertThat(JSON.readTree(data.get(6)).at("/choices/0/finish_reason").asText()).isEqualTo("length");
    JsonNode usage = JSON.readTree(data.get(7));
    assertThat(usage.get("choices")).isEmpty();
    assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(7);
    assertThat(usage.at("/usage/prompt_tokens").asInt()).isEqualTo(12);
    assertThat(text.toString()).isNotBlank();
  }

  @Test
  void streamingChat_startsWithTheAssistantRoleAndSendsNoUsageUnlessAsked() throws Exception {
    HttpResponse<String> response = http.post(uri, "/v1/chat/completions", """
        {"model": "meta-llama/Llama-3.1-8B-Instruct", "max_tokens": 3, "ignore_eos": true, "stream": true,
         "messages": [{"role": "user", "content": "What is the color of the sky?"}]}""");

    List<String> data = SimHttp.sseData(response.body());
    assertThat(data).hasSize(1 + 3 + 1);
    JsonNode first = JSON.readTree(data.getFirst());
    assertThat(first.get("object").asText()).isEqualTo("chat.completion.chunk");
    assertThat(first.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
    assertThat(JSON.readTree(data.get(3)).at("/choices/0/finish_reason").asText()).isEqualTo("length");
    assertThat(JSON.readTree(data.get(2)).at("/choices/0/delta/content").asText()).isNotEmpty();
    assertThat(data).noneMatch(d -> d.contains("\"usage\""));
  }

  @Test
  void nonStreamingCompletion_withoutMaxTokens_usesTheDefaultLimit() throws Exception {
    JsonNode body = JSON.readTree(http.post(uri, "/v1/completions", """
        {"model": "meta-llama/Llama-3.1-8B-Instruct", "prompt": "What is the color of the sky", "ignore_eos": true}""")
        .body());

    assertThat(body.get("id").asText()).startsWith("cmpl-");
    assertThat(body.get("object").asText()).isEqualTo("text_completion");
    assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(16);
    assertThat(body.at("/choices/0/text").asText()).isNotEmpty();
  }

  @Test
  void unknownModel_gets404WithVllmsErrorObject() throws Exception {
    HttpResponse<String> response = http.post(uri, "/v1/chat/completions", """
        {"model": "ski-resorts", "messages": [{"role": "user", "content": "hi"}]}""");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("x-inference-pod")).hasValue("test-pool-0");
    JsonNode error = JSON.readTree(response.body()).get("error");
    assertThat(error.get("message").asText()).isEqualTo("The model `ski-resorts` does not exist.");
    assertThat(error.get("type").asText()).isEqualTo("NotFoundError");
    assertThat(error.get("code").asInt()).isEqualTo(404);
  }

  @Test
  void malformedJson_gets400() throws Exception {
    HttpResponse<String> response = http.post(uri, "/v1/completions", "{\"model\": \"x\", ");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body()).get("error");
    assertThat(error.get("type").asText()).isEqualTo("BadRequestError");
    assertThat(error.get("message").asText()).startsWith("JSON decode error");
    assertThat(error.get("code").asInt()).isEqualTo(400);
  }

  @Test
  void invalidFields_get400NamingTheField() throws Exception {
    assertThat(error(http.post(uri, "/v1/chat/completions", "{\"model\": \"" + BASE + "\"}")))
        .isEqualTo("messages: Field required");
    assertThat(error(http.post(uri, "/v1/completions", "{\"prompt\": \"x\", \"max_tokens\": 0}")))
        .isEqualTo("max_tokens must be at least 1, got 0.");
    assertThat(error(http.post(uri, "/v1/completions", "{\"prompt\": \"x\", \"stream_options\": {}}")))
        .isEqualTo("Stream options can only be defined when `stream=True`.");
    assertThat(error(http.post(uri, "/v1/completions", "{\"prompt\": \"x\", \"max_tokens\": 600}")))
        .startsWith("This model's maximum context length is 512 tokens. However, you requested 601 tokens");
    assertThat(error(http.post(uri, "/v1/completions", "[1, 2]"))).isEqualTo("the request body must be a JSON object");
  }

  @Test
  void models_listsTheBaseModelAndItsAdapters() throws Exception {
    JsonNode models = JSON.readTree(http.get(uri, "/v1/models").body());

    assertThat(models.get("object").asText()).isEqualTo("list");
    assertThat(models.get("data")).extracting(m -> m.get("id").asText()).containsExactly(BASE, "food-review-1");
    assertThat(models.at("/data/1/parent").asText()).isEqualTo(BASE);
    assertThat(models.at("/data/0/max_model_len").asInt()).isEqualTo(512);
  }

  @Test
  void healthUnknownPathsAndWrongMethods() throws Exception {
    assertThat(http.get(uri, "/health").statusCode()).isEqualTo(200);
    assertThat(http.get(uri, "/v2/nothing").statusCode()).isEqualTo(404);
    HttpResponse<String> wrongMethod = http.get(uri, "/v1/completions");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("allow")).hasValue("POST");
  }

  private static String error(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(400);
    return JSON.readTree(response.body()).at("/error/message").asText();
  }
}
