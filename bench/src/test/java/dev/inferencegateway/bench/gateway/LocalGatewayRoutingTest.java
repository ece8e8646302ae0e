package dev.inferencegateway.bench.gateway;

import static dev.inferencegateway.bench.gateway.GatewayTestSupport.DEEPSEEK;
import static dev.inferencegateway.bench.gateway.GatewayTestSupport.LLAMA;
import static dev.inferencegateway.bench.gateway.GatewayTestSupport.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.inferencegateway.bench.gateway.config.BodyBasedRouterRef;
import dev.inferencegateway.bench.gateway.config.EndpointPickerRef;
import dev.inferencegateway.bench.gateway.config.FailureMode;
import dev.inferencegateway.bench.gateway.config.InferencePoolSpec;
import dev.inferencegateway.extproc.CloseReason;
import dev.inferencegateway.extproc.ExchangeHandler;
import dev.inferencegateway.extproc.ExchangeHandlerFactory;
import dev.inferencegateway.extproc.HeaderChanges;
import dev.inferencegateway.extproc.RequestContext;
import dev.inferencegateway.extproc.RequestOutcome;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalGatewayRoutingTest {
  private final GatewayTestSupport support = new GatewayTestSupport();

  @AfterEach
  void close() throws Exception {
    support.close();
  }

  private InferencePoolSpec pool(String name, String eppAddress, FailureMode mode, List<String> endpoints) {
    return InferencePoolSpec.of(name, EndpointPickerRef.of(eppAddress, false, mode), endpoints);
  }

  @Test
  void everySeedModel_isRoutedByBaseModelHeaderToItsPoolsEpp() throws Exception {
    LoopbackBackend llamaServer = support.track(LoopbackBackend.json());
    LoopbackBackend deepseekServer = support.track(LoopbackBackend.json());
    TestProcessors.Epp llamaEpp = new TestProcessors.Epp(llamaServer::address);
    TestProcessors.Epp deepseekEpp = new TestProcessors.Epp(deepseekServer::address);
    LoopbackExtProcServer llamaEppServer = support.track(LoopbackExtProcServer.start(llamaEpp));
    LoopbackExtProcServer deepseekEppServer = support.track(LoopbackExtProcServer.start(deepseekEpp));
    LocalGateway gateway = support.gateway(support.bbr(),
        pool("vllm-llama3-8b-instruct", llamaEppServer.address(), FailureMode.FAIL_CLOSE, List.of()),
        pool("vllm-deepseek-r1", deepseekEppServer.address(), FailureMode.FAIL_CLOSE, List.of()));

    Map<String, LoopbackBackend> expected = Map.of(LLAMA, llamaServer, "food-review-1", llamaServer,
        DEEPSEEK, deepseekServer, "ski-resorts", deepseekServer, "movie-critique", deepseekServer);
    for (Map.Entry<String, LoopbackBackend> entry : expected.entrySet()) {
      HttpResponse<String> response = support.post(gateway, "/v1/chat/completions", chat(entry.getKey()));

      assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(200);
      assertThat(response.headers().firstValue("x-served-by")).contains(entry.getValue().address());
      assertThat(response.headers().firstValue("x-went-into-resp-headers")).contains("true");
      LoopbackBackend.Received received = entry.getValue().received().getLast();
      assertThat(received.path()).isEqualTo("/v1/chat/completions");
      assertThat(received.body()).isEqualTo(chat(entry.getKey()));
      assertThat(received.headers()).containsEntry("x-gateway-model-name", entry.getKey())
          .containsEntry("x-gateway-base-model-name", GatewayTestSupport.BASE_MODELS.getOrDefault(
              entry.getKey(), entry.getKey()))
          .containsEntry("x-gateway-destination-endpoint", entry.getValue().address())
          .containsKey("x-request-id");
    }
    assertThat(llamaEpp.requests).hasSize(2);
    assertThat(deepseekEpp.requests).hasSize(3);
    assertThat(llamaEpp.requests.get(0).headers().get(":path")).contains("/v1/chat/completions");
    assertThat(llamaEpp.requests.get(0).headers().get("x-gateway-base-model-name")).contains(LLAMA);
  }

  @Test
  void unknownModel_gets404NamingTheModelAndTheRoutedModels() throws Exception {
    LoopbackBackend server = support.track(LoopbackBackend.json());
    LoopbackExtProcServer epp = support.track(LoopbackExtProcServer.start(new TestProcessors.Epp(server::address)));
    LocalGateway gateway = support.gateway(support.bbr(),
        pool("vllm-llama3-8b-instruct", epp.address(), FailureMode.FAIL_CLOSE, List.of()), null);

    HttpResponse<String> response = support.post(gateway, "/v1/completions",
        "{\"model\":\"no-such-model\",\"prompt\":\"hi\"}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("content-type")).contains("application/json");
    JsonNode error = new ObjectMapper().readTree(response.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("model_not_found");
    assertThat(error.path("model").asText()).isEqualTo("no-such-model");
    assertThat(error.path("message").asText()).contains("'no-such-model'").contains(LLAMA)
        .contains("X-Gateway-Base-Model-Name: 'no-such-model'");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void immediateResponseFromEpp_reachesTheClientAsIs() throws Exception {
    LoopbackBackend server = support.track(LoopbackBackend.json());
    String body = "inference error: ResourceExhausted - system saturated, sheddable request dropped";
    LoopbackExtProcServer epp = support.track(LoopbackExtProcServer.start(TestProcessors.rejecting(429, body)));
    LocalGateway gateway = support.gateway(support.bbr(),
        pool("vllm-llama3-8b-instruct", epp.address(), FailureMode.FAIL_OPEN, List.of(server.address())), null);

    HttpResponse<String> response = support.post(gateway, "/v1/chat/completions", chat("food-review-1"));

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.body()).isEqualTo(body);
    assertThat(server.received()).isEmpty();
  }

  @Test
  void connectFailure_walksTheDestinationList_andTheServedEndpointIsReported() throws Exception {
    LoopbackBackend live = support.track(LoopbackBackend.json());
    String dead = ClosedPort.address();
    TestProcessors.Epp eppHandler = new TestProcessors.Epp(() -> dead + "," + live.address());
    LoopbackExtProcServer epp = support.track(LoopbackExtProcServer.start(eppHandler));
    LocalGateway gateway = support.gateway(support.bbr(),
        pool("vllm-llama3-8b-instruct", epp.address(), FailureMode.FAIL_CLOSE, List.of()), null);

    HttpResponse<String> response = support.post(gateway, "/v1/chat/completions", chat(LLAMA));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-served-by")).contains(live.address());
    assertThat(eppHandler.servedEndpoints()).containsExactly(live.address());
  }

  @Test
  void rewrittenBodyAndHeaders_fromTheEpp_goUpstream() throws Exception {
    LoopbackBackend server = support.track(LoopbackBackend.json());
    String rewritten = "{\"model\":\"food-review-2\",\"prompt\":\"hi\"}";
    LoopbackExtProcServer epp = support.track(LoopbackExtProcServer.start(() -> request ->
        new RequestOutcome.Forward(HeaderChanges.setting(Map.of("x-gateway-destination-endpoint", server.address(),
            "x-picked", "yes", ":method", "DELETE")), ByteString.copyFromUtf8(rewritten), true, Map.of())));
    LocalGateway gateway = support.gateway(support.bbr(),
        pool("vllm-llama3-8b-instruct", epp.address(), FailureMode.FAIL_CLOSE, List.of()), null);

    HttpResponse<String> response = support.post(gateway, "/v1/completions",
        "{\"model\":\"food-review-1\",\"prompt\":\"hi\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    LoopbackBackend.Received received = server.received().getLast();
    assertThat(received.method()).isEqualTo("POST");
    assertThat(received.body()).isEqualTo(rewritten);
    assertThat(received.headers()).containsEntry("x-picked", "yes")
        .containsEntry("content-length", Integer.toString(rewritten.length()));
  }

  @Test
  void subsetHint_isSentToTheEpp() throws Exception {
    LoopbackBackend server = support.track(LoopbackBackend.json());
    TestProcessors.Epp eppHandler = new TestProcessors.Epp(server::address);
    LoopbackExtProcServer epp = support.track(LoopbackExtProcServer.start(eppHandler));
    InferencePoolSpec pool = InferencePoolSpec.of("vllm-llama3-8b-instruct",
        new EndpointPickerRef(epp.address(), false, FailureMode.FAIL_CLOSE, List.of(server.address())), List.of());
    LocalGateway gateway = support.gateway(support.bbr(), pool, null);

    assertThat(support.post(gateway, "/v1/completions", chat(LLAMA)).statusCode()).isEqualTo(200);

    assertThat(eppHandler.requests.getFirst().metadata()).containsEntry("envoy.lb.subset_hint",
        Map.of("x-gateway-destination-endpoint-subset", List.of(server.address())));
  }

  @Test
  void bbrWithoutResponseProcessing_seesItsStreamEndAfterTheRequest() throws Exception {
    LoopbackBackend server = support.track(LoopbackBackend.json());
    List<CloseReason> closes = new CopyOnWriteArrayList<>();
    ExchangeHandlerFactory plainBbr = TestProcessors.bbr(GatewayTestSupport.BASE_MODELS);
    LoopbackExtProcServer bbr = support.track(LoopbackExtProcServer.start(() -> {
      ExchangeHandler delegate = plainBbr.newExchange();
      return new ExchangeHandler() {
        @Override
        public RequestOutcome onRequest(RequestContext request) {
          return delegate.onRequest(request);
        }

        @Override
        public void onClose(CloseReason reason) {
          closes.add(reason);
        }
      };
    }));
    LocalGateway gateway = support.gateway(new BodyBasedRouterRef(bbr.address(), false, false),
        InferencePoolSpec.of("vllm-llama3-8b-instruct", null, List.of(server.address())), null);

    assertThat(support.post(gateway, "/v1/completions", chat("food-review-1")).statusCode()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).until(() -> closes.equals(List.of(CloseReason.COMPLETED)));
  }

  @Test
  void poolWithoutEpp_isBalancedRoundRobin() throws Exception {
    LoopbackBackend first = support.track(LoopbackBackend.json());
    LoopbackBackend second = support.track(LoopbackBackend.json());
    LocalGateway gateway = support.gateway(support.bbr(), InferencePoolSpec.of("vllm-llama3-8b-instruct", null,
        List.of(first.address(), second.address())), null);

    for (int i = 0; i < 4; i++) {
      assertThat(support.post(gateway, "/v1/completions", chat(LLAMA)).statusCode()).isEqualTo(200);
    }

    assertThat(first.received()).hasSize(2);
    assertThat(second.received()).hasSize(2);
  }
}
