package dev.inferencegateway.bench.gateway;

import static dev.inferencegateway.bench.gateway.GatewayTestSupport.DEEPSEEK;
import static dev.inferencegateway.bench.gateway.GatewayTestSupport.LLAMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.bbr.embed.BbrStage;
import dev.inferencegateway.bench.gateway.config.BodyBasedRouterRef;
import dev.inferencegateway.bench.gateway.config.EndpointPickerRef;
import dev.inferencegateway.bench.gateway.config.FailureMode;
import dev.inferencegateway.bench.gateway.config.InferencePoolSpec;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway in front of the real Body-Based Router (the bbr module's stage on a loopback ext_proc server). */
class LocalGatewayWithRealBbrTest {
  private static final String MAPPINGS = """
      - baseModel: meta-llama/Llama-3.1-8B-Instruct
        adapters: [food-review-1]
      - baseModel: deepseek/vllm-deepseek-r1
        adapters: [ski-resorts, movie-critique]
      """;
  private final GatewayTestSupport support = new GatewayTestSupport();

  @AfterEach
  void close() throws Exception {
    support.close();
  }

  @Test
  void seedCurls_reachTheRightPool(@TempDir Path dir) throws Exception {
    Path mappings = Files.writeString(dir.resolve("mappings.yaml"), MAPPINGS);
    BbrStage bbr = BbrStage.builder().staticMappings(mappings).start();
    support.track(bbr);
    LoopbackExtProcServer bbrServer = support.track(LoopbackExtProcServer.start(bbr.handlers()));
    LoopbackBackend llama = support.track(LoopbackBackend.json());
    LoopbackBackend deepseek = support.track(LoopbackBackend.json());
    LoopbackExtProcServer llamaEpp = support.track(LoopbackExtProcServer.start(new TestProcessors.Epp(llama::address)));
    LoopbackExtProcServer deepseekEpp = support.track(LoopbackExtProcServer.start(
        new TestProcessors.Epp(deepseek::address)));
    LocalGateway gateway = support.gateway(new BodyBasedRouterRef(bbrServer.address(), false, true),
        InferencePoolSpec.of("vllm-llama3-8b-instruct", EndpointPickerRef.of(llamaEpp.address(), false,
            FailureMode.FAIL_CLOSE), List.of()),
        InferencePoolSpec.of("vllm-deepseek-r1", EndpointPickerRef.of(deepseekEpp.address(), false,
            FailureMode.FAIL_CLOSE), List.of()));
    Map<String, LoopbackBackend> chatModels = Map.of(LLAMA, llama, "food-review-1", llama, DEEPSEEK, deepseek,
        "movie-critique", deepseek, "ski-resorts", deepseek);

    for (Map.Entry<String, LoopbackBackend> model : chatModels.entrySet()) {
      HttpResponse<String> response = support.post(gateway, "/v1/chat/completions",
          GatewayTestSupport.chat(model.getKey()));
      assertThat(response.statusCode()).as(model.getKey()).isEqualTo(200);
      assertThat(response.headers().firstValue("x-served-by")).contains(model.getValue().address());
    }
    for (String model : List.of(DEEPSEEK, "ski-resorts", "movie-critique")) {
      HttpResponse<String> response = support.post(gateway, "/v1/completions", "{\"model\": \"" + model
          + "\", \"prompt\": \"What is the best ski resort in Austria?\", \"max_tokens\": 20, \"temperature\": 0}");
      assertThat(response.statusCode()).as(model).isEqualTo(200);
      assertThat(response.headers().firstValue("x-served-by")).contains(deepseek.address());
    }
    assertThat(llama.received()).anySatisfy(received -> assertThat(received.headers())
        .containsEntry("x-gateway-model-name", "food-review-1").containsEntry("x-gateway-base-model-name", LLAMA));
    assertThat(support.post(gateway, "/v1/completions", "{\"model\": \"unknown-adapter\", \"prompt\": \"x\"}")
        .statusCode()).isEqualTo(404);
    HttpResponse<String> malformed = support.post(gateway, "/v1/completions", "{\"model\": ");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).startsWith("inference error: BadRequest - failed to parse request body");
  }
}
