package dev.inferencegateway.bench.gateway;

import static dev.inferencegateway.bench.gateway.GatewayTestSupport.LLAMA;
import static dev.inferencegateway.bench.gateway.GatewayTestSupport.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.bench.gateway.config.BodyBasedRouterRef;
import dev.inferencegateway.bench.gateway.config.EndpointPickerRef;
import dev.inferencegateway.bench.gateway.config.FailureMode;
import dev.inferencegateway.bench.gateway.config.InferencePoolSpec;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalGatewayFailureTest {
  private final GatewayTestSupport support = new GatewayTestSupport();

  @AfterEach
  void close() throws Exception {
    support.close();
  }

  @Test
  void eppDown_withFailOpen_forwardsToThePoolsEndpointsRoundRobin() throws Exception {
    LoopbackBackend first = support.track(LoopbackBackend.json());
    LoopbackBackend second = support.track(LoopbackBackend.json());
    LocalGateway gateway = support.gateway(support.bbr(), InferencePoolSpec.of("vllm-llama3-8b-instruct",
        EndpointPickerRef.of(ClosedPort.address(), false, FailureMode.FAIL_OPEN),
        List.of(first.address(), second.address())), null);

    for (int i = 0; i < 4; i++) {
      HttpResponse<String> response = support.post(gateway, "/v1/chat/completions", chat(LLAMA));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("x-went-into-resp-headers")).isEmpty();
    }
    assertThat(first.received()).hasSize(2);
    assertThat(second.received()).hasSize(2);
  }

  @Test
  void eppDown_withFailClose_gets503NamingTheEndpointPicker() throws Exception {
    LoopbackBackend server = support.track(LoopbackBackend.json());
    String epp = ClosedPort.address();
    LocalGateway gateway = support.gateway(support.bbr(), InferencePoolSpec.of("vllm-llama3-8b-instruct",
        EndpointPickerRef.of(epp, false, FailureMode.FAIL_CLOSE), List.of(server.address())), null);

    HttpResponse<String> response = support.post(gateway, "/v1/chat/completions", chat(LLAMA));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("endpoint picker of pool vllm-llama3-8b-instruct at " + epp)
        .contains("UNAVAILABLE").contains("FailClose");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void eppThatComesBack_isUsedAgain() throws Exception {
    LoopbackBackend server = support.track(LoopbackBackend.json());
    String epp = ClosedPort.address();
    LocalGateway gateway = support.gateway(support.bbr(), InferencePoolSpec.of("vllm-llama3-8b-instruct",
        EndpointPickerRef.of(epp, false, FailureMode.FAIL_CLOSE), List.of()), null);
    assertThat(support.post(gateway, "/v1/chat/completions", chat(LLAMA)).statusCode()).isEqualTo(503);

    support.track(LoopbackExtProcServer.startOn(Integer.parseInt(epp.substring(epp.indexOf(':') + 1)),
        new TestProcessors.Epp(server::address)));

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
        support.post(gateway, "/v1/chat/completions", chat(LLAMA)).statusCode() == 200);
    assertThat(server.received()).isNotEmpty();
  }

  @Test
  void bbrDown_gets503BecauseBbrIsFailClosed() throws Exception {
    LoopbackBackend server = support.track(LoopbackBackend.json());
    LoopbackExtProcServer epp = support.track(LoopbackExtProcServer.start(new TestProcessors.Epp(server::address)));
    String bbr = ClosedPort.address();
    LocalGateway gateway = support.gateway(new BodyBasedRouterRef(bbr, false, true),
        InferencePoolSpec.of("vllm-llama3-8b-instruct", EndpointPickerRef.of(epp.address(), false,
            FailureMode.FAIL_OPEN), List.of(server.address())), null);

    HttpResponse<String> response = support.post(gateway, "/v1/chat/completions", chat(LLAMA));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("body-based router at " + bbr).contains("fail-closed");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void bbrImmediateResponse_reachesTheClient() throws Exception {
    LoopbackBackend server = support.track(LoopbackBackend.json());
    LoopbackExtProcServer bbr = support.track(LoopbackExtProcServer.start(TestProcessors.rejecting(400,
        "inference error: BadRequest - failed to parse request body")));
    LocalGateway gateway = support.gateway(new BodyBasedRouterRef(bbr.address(), false, true),
        InferencePoolSpec.of("vllm-llama3-8b-instruct", null, List.of(server.address())), null);

    HttpResponse<String> response = support.post(gateway, "/v1/chat/completions", "{not json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("inference error: BadRequest - failed to parse request body");
  }

  @Test
  void everyDestinationRefused_gets503ThroughTheEppResponsePath() throws Exception {
    String dead = ClosedPort.address();
    TestProcessors.Epp eppHandler = new TestProcessors.Epp(() -> dead);
    LoopbackExtProcServer epp = support.track(LoopbackExtProcServer.start(eppHandler));
    LocalGateway gateway = support.gateway(support.bbr(), InferencePoolSpec.of("vllm-llama3-8b-instruct",
        EndpointPickerRef.of(epp.address(), false, FailureMode.FAIL_CLOSE), List.of()), null);

    HttpResponse<String> response = support.post(gateway, "/v1/chat/completions", chat(LLAMA));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("connection failure").contains(dead);
    assertThat(response.headers().firstValue("x-went-into-resp-headers")).contains("true");
    assertThat(eppHandler.servedEndpoints()).containsExactly((Object) null);
  }

  @Test
  void eppWithSelfSignedTls_isTrusted() throws Exception {
    LoopbackBackend server = support.track(LoopbackBackend.json());
    TestProcessors.Epp eppHandler = new TestProcessors.Epp(server::address);
    LoopbackExtProcServer epp = support.track(LoopbackExtProcServer.startTls(eppHandler));
    LocalGateway gateway = support.gateway(support.bbr(), InferencePoolSpec.of("vllm-llama3-8b-instruct",
        EndpointPickerRef.of(epp.address(), true, FailureMode.FAIL_CLOSE), List.of()), null);

    HttpResponse<String> response = support.post(gateway, "/v1/chat/completions", chat(LLAMA));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(eppHandler.requests).hasSize(1);
  }

  @Test
  void bodyOverTheLimit_gets413() throws Exception {
    LoopbackBackend server = support.track(LoopbackBackend.json());
    LocalGateway gateway = support.track(LocalGateway.start(new dev.inferencegateway.bench.gateway.config
        .GatewayConfig("127.0.0.1:0", null, null, 1024L,
        List.of(InferencePoolSpec.of("p", null, List.of(server.address()))),
        List.of(dev.inferencegateway.bench.gateway.config.HttpRouteSpec.byHeader("r", "x-any", "p", "v")))));

    HttpResponse<String> response = support.post(gateway, "/v1/completions", "x".repeat(4096));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("1024 bytes");
  }
}
