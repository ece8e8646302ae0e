package dev.inferencegateway.bench.gateway;

import static dev.inferencegateway.bench.gateway.GatewayTestSupport.LLAMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.bench.gateway.config.EndpointPickerRef;
import dev.inferencegateway.bench.gateway.config.FailureMode;
import dev.inferencegateway.bench.gateway.config.InferencePoolSpec;
import dev.inferencegateway.extproc.CloseReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalGatewayStreamingTest {
  private static final String FIRST = "data: {\"choices\":[{\"delta\":{\"content\":\"Hello\"}}]}\n\n";
  private static final String LAST = "data: {\"choices\":[{\"delta\":{\"content\":\" world\"}}]}\n\ndata: [DONE]\n\n";
  private final GatewayTestSupport support = new GatewayTestSupport();

  @AfterEach
  void close() throws Exception {
    support.close();
  }

  @Test
  void sse_reachesTheClientChunkByChunk_throughEppAndBbr() throws Exception {
    CountDownLatch clientSawFirst = new CountDownLatch(1);
    AtomicBoolean backendFinished = new AtomicBoolean();
    LoopbackBackend server = support.track(LoopbackBackend.with(exchange -> {
      exchange.getResponseHeaders().set("content-type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(FIRST.getBytes(StandardCharsets.UTF_8));
      out.flush();
      try {
        clientSawFirst.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.write(LAST.getBytes(StandardCharsets.UTF_8));
      backendFinished.set(true);
      out.close();
    }));
    TestProcessors.Epp eppHandler = new TestProcessors.Epp(server::address);
    LoopbackExtProcServer epp = support.track(LoopbackExtProcServer.start(eppHandler));
    LocalGateway gateway = support.gateway(support.bbr(), InferencePoolSpec.of("vllm-llama3-8b-instruct",
        EndpointPickerRef.of(epp.address(), false, FailureMode.FAIL_CLOSE), List.of()), null);

    HttpResponse<InputStream> response = support.client.send(HttpRequest.newBuilder(
            URI.create(gateway.baseUri() + "/v1/chat/completions")).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + LLAMA + "\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build(),
        HttpResponse.BodyHandlers.ofInputStream());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
    try (InputStream body = response.body()) {
      byte[] first = body.readNBytes(FIRST.length());
      assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(FIRST);
      assertThat(backendFinished).as("the first event arrived before the backend finished").isFalse();
      clientSawFirst.countDown();
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(LAST);
    }
    assertThat(eppHandler.responseChunks.get()).isGreaterThanOrEqualTo(2);
    assertThat(eppHandler.servedEndpoints()).containsExactly(server.address());
  }

  @Test
  void clientDisconnectMidStream_cancelsTheEppStreamAndReleasesTheBackend() throws Exception {
    AtomicBoolean backendWriteFailed = new AtomicBoolean();
    LoopbackBackend endless = support.track(LoopbackBackend.with(exchange -> {
      exchange.getResponseHeaders().set("content-type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      long stopAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      try {
        while (System.nanoTime() < stopAt) {
          out.write(FIRST.getBytes(StandardCharsets.UTF_8));
          out.flush();
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
      } catch (IOException e) {
        backendWriteFailed.set(true);
      }
    }));
    TestProcessors.Epp eppHandler = new TestProcessors.Epp(endless::address);
    LoopbackExtProcServer epp = support.track(LoopbackExtProcServer.start(eppHandler));
    LocalGateway gateway = support.gateway(support.bbr(), InferencePoolSpec.of("vllm-llama3-8b-instruct",
        EndpointPickerRef.of(epp.address(), false, FailureMode.FAIL_CLOSE), List.of()), null);
    String body = GatewayTestSupport.chat(LLAMA);

    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
          .getBytes(StandardCharsets.UTF_8));
      String head = new String(socket.getInputStream().readNBytes(512), StandardCharsets.UTF_8);
      assertThat(head).startsWith("HTTP/1.1 200").contains("data: ");
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> eppHandler.closes.contains(CloseReason.CANCELLED));
    await().atMost(Duration.ofSeconds(10)).untilTrue(backendWriteFailed);
    assertThat(support.post(gateway, "/v1/chat/completions", GatewayTestSupport.chat("other")).statusCode())
        .as("the gateway keeps serving").isEqualTo(404);
  }
}
