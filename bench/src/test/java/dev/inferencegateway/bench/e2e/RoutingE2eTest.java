package dev.inferencegateway.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inferencegateway.bench.demo.DemoStack;
import dev.inferencegateway.bench.demo.Scenarios;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the seed stack answers beyond the guides' requests: unknown models, bad bodies, streams. */
@Timeout(60)
class RoutingE2eTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static DemoStack stack;
  private static E2eHttp http;

  @BeforeAll
  static void start() throws Exception {
    stack = E2eStacks.startReady(DemoStack.builder(Scenarios.load(Scenarios.DEFAULT))
        .fleet(E2eFleets.seedPools(2, 2, 8, 2)));
    http = new E2eHttp();
  }

  @AfterAll
  static void stop() {
    http.close();
    stack.close();
  }

  @Test
  void unknownModel_gets404FromTheGatewayNamingTheModel() throws Exception {
    HttpResponse<String> response = http.post(stack.gatewayUri(), "/v1/completions",
        E2eHttp.completion("gpt-4o", "Hello", 5));

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode error = JSON.readTree(response.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("model_not_found");
    assertThat(error.path("model").asText()).isEqualTo("gpt-4o");
    assertThat(error.path("message").asText()).startsWith("The model 'gpt-4o' is not routed by this gateway")
        .contains("X-Gateway-Base-Model-Name: ''");
  }

  @Test
  void malformedBody_gets400FromBbr() throws Exception {
    HttpResponse<String> response = http.post(stack.gatewayUri(), "/v1/completions", "{\"model\": \"food-review-1\",");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("inference error: BadRequest - failed to parse request body");
  }

  @Test
  void chatWithoutMessages_gets400FromTheEpp() throws Exception {
    HttpResponse<String> response = http.post(stack.gatewayUri(), "/v1/chat/completions",
        "{\"model\": \"ski-resorts\", \"prompt\": \"Hi\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("inference error: BadRequest - ");
  }

  @Test
  void streamedChat_arrivesAsServerSentEventsWithUsage() throws Exception {
    String body = "{\"model\":\"movie-critique\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
        + "\"max_tokens\":12,\"messages\":[{\"role\":\"user\",\"content\":\"A film for tonight?\"}]}";
    HttpResponse<String> response = http.postAsync(stack.gatewayUri(), "/v1/chat/completions", body, Map.of()).get();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("text/event-stream"));
    assertThat(E2eHttp.pod(response)).startsWith(E2eFleets.DEEPSEEK_POOL + "-");
    assertThat(response.body()).startsWith("data: {").contains("\"object\":\"chat.completion.chunk\"")
        .containsPattern("\"usage\":\\{\"prompt_tokens\":\\d+,\"total_tokens\":\\d+,\"completion_tokens\":([1-9]|1[0-2]),")
        .endsWith("data: [DONE]\n\n");
  }

  @Test
  void namedObjectiveWithPositivePriority_isServed() throws Exception {
    HttpResponse<String> response = http.postAsync(stack.gatewayUri(), "/v1/completions",
        E2eHttp.completion("food-review-1", "Review this bistro", 8), Map.of(E2eHttp.OBJECTIVE_HEADER, "food-review"))
        .get();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(E2eHttp.pod(response)).startsWith(E2eFleets.LLAMA_POOL + "-");
  }
}
