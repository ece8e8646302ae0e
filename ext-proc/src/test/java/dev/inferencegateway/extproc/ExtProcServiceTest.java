package dev.inferencegateway.extproc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.inferencegateway.extproc.client.Exchange;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.ExtProcClient;
import dev.inferencegateway.extproc.client.RequestResult;
import dev.inferencegateway.extproc.client.ResponseBodyResult;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExtProcServiceTest {
  final List<CloseReason> closes = new CopyOnWriteArrayList<>();
  private final List<RequestContext> requests = new CopyOnWriteArrayList<>();
  private Server server;
  private ManagedChannel channel;
  private ExtProcClient client;

  /** Routes to a fixed endpoint, upper-cases a body that says "upper", rejects "reject", throws on "boom". */
  private final class TestHandler implements ExchangeHandler {
    private final StringBuilder responseBuffer = new StringBuilder();

    @Override
    public RequestOutcome onRequest(RequestContext request) {
      requests.add(request);
      String text = request.body().toString(StandardCharsets.UTF_8);
      if (text.equals("reject")) {
        return new RequestOutcome.Reject(429, "inference error: ResourceExhausted - busy", HeaderChanges.NONE);
      }
      if (text.equals("boom")) {
        throw new IllegalStateException("boom");
      }
      boolean upper = text.equals("upper");
      ByteString body = upper ? ByteString.copyFromUtf8("UPPER") : request.body();
      return new RequestOutcome.Forward(
          HeaderChanges.setting(Map.of("x-gateway-destination-endpoint", "10.0.0.7:8000")), body, upper,
          Map.of("envoy.lb", Map.of("x-gateway-destination-endpoint", "10.0.0.7:8000")));
    }

    @Override
    public HeaderChanges onResponseHeaders(HttpHeadersView headers, Map<String, Map<String, Object>> metadata,
        boolean endOfStream) {
      return HeaderChanges.setting(Map.of("x-went-into-resp-headers", "true"));
    }

    @Override
    public ResponseBodyOutcome onResponseBody(ByteString chunk, boolean endOfStream) {
      responseBuffer.append(chunk.toStringUtf8());
      if (!endOfStream) {
        return ResponseBodyOutcome.hold();
      }
      return new ResponseBodyOutcome(List.of(ByteString.copyFromUtf8(responseBuffer.toString())),
          Map.of("envoy.lb", Map.of("usage", 7)));
    }

    @Override
    public void onClose(CloseReason reason) {
      closes.add(reason);
    }
  }

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new ExtProcService(TestHandler::new, 6_000_000, decisions())).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    client = new ExtProcClient(channel);
  }

  /** Returns the executor the handler decides on; null decides on the delivering thread. */
  java.util.concurrent.Executor decisions() {
    return null;
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private static Map<String, String> headers() {
    return Map.of(":method", "POST", ":path", "/v1/completions", "content-type", "application/json");
  }

  @Test
  void fullDuplex_largeBodyInSmallChunks_isEchoedInChunksOfAtMost62000() throws Exception {
    byte[] body = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(body, (byte) 'a');
    Exchange exchange = client.open(ExchangeOptions.fullDuplex());
    RequestResult result = exchange.sendRequest(headers(), body, 16_384, false).get(10, TimeUnit.SECONDS);

    assertThat(result.immediate()).isEmpty();
    assertThat(result.header("x-gateway-destination-endpoint")).contains("10.0.0.7:8000");
    assertThat(result.header("content-length")).contains(Integer.toString(body.length));
    assertThat(result.clearRouteCache()).isTrue();
    assertThat(result.dynamicMetadata()).containsEntry("envoy.lb",
        Map.of("x-gateway-destination-endpoint", "10.0.0.7:8000"));
    assertThat(result.body().toByteArray()).isEqualTo(body);
    assertThat(result.bodyChunkSizes()).allMatch(size -> size <= BodyChunks.MAX_CHUNK_BYTES);
    assertThat(result.bodyChunkSizes()).hasSize((body.length + 61_999) / 62_000);
    assertThat(requests.get(0).headers().get(":path")).contains("/v1/completions");
  }

  @Test
  void fullDuplex_responseIsBufferedByHandlerAndEmittedWithMetadataAtEnd() throws Exception {
    Exchange exchange = client.open(ExchangeOptions.fullDuplex());
    exchange.sendRequest(headers(), "hello".getBytes(StandardCharsets.UTF_8), 2, false).get(5, TimeUnit.SECONDS);
    Map<String, String> set = exchange.sendResponseHeaders(Map.of(":status", "200"), false).get(5, TimeUnit.SECONDS);
    List<String> emitted = new ArrayList<>();
    exchange.onResponseChunk(chunk -> emitted.add(chunk.toStringUtf8()));
    exchange.sendResponseBody(ByteString.copyFromUtf8("part1-"), false);
    exchange.sendResponseBody(ByteString.copyFromUtf8("part2"), true);
    ResponseBodyResult body = exchange.responseBodyDone().get(5, TimeUnit.SECONDS);
    exchange.sendResponseTrailers(Map.of()).get(5, TimeUnit.SECONDS);
    exchange.close();

    assertThat(set).containsEntry("x-went-into-resp-headers", "true");
    assertThat(emitted).containsExactly("part1-part2");
    assertThat(body.dynamicMetadata()).containsEntry("envoy.lb", Map.of("usage", 7.0));
    assertThat(exchange.closedFuture().get(5, TimeUnit.SECONDS).isOk()).isTrue();
    assertThat(closes).containsExactly(CloseReason.COMPLETED);
  }

  @Test
  void headerOnlyRequest_isAnsweredOnHeaders() throws Exception {
    Exchange exchange = client.open(ExchangeOptions.fullDuplex());
    RequestResult result = exchange.sendRequest(Map.of(":method", "GET", ":path", "/v1/models"), null, 0, true)
        .get(5, TimeUnit.SECONDS);
    assertThat(result.header("x-gateway-destination-endpoint")).contains("10.0.0.7:8000");
    assertThat(result.header("content-length")).isEmpty();
    assertThat(requests.get(0).hasBody()).isFalse();
  }

  @Test
  void buffered_bodyMessageCarriesHeadersAndChangedBody() throws Exception {
    Exchange exchange = client.open(ExchangeOptions.fullDuplex().withModes(BodyMode.BUFFERED, BodyMode.NONE));
    RequestResult result = exchange.sendRequest(headers(), "upper".getBytes(StandardCharsets.UTF_8), 0, false)
        .get(5, TimeUnit.SECONDS);
    assertThat(result.header("x-gateway-destination-endpoint")).contains("10.0.0.7:8000");
    assertThat(result.clearRouteCache()).isTrue();
    assertThat(result.body().toStringUtf8()).isEqualTo("UPPER");
    assertThat(result.header("content-length")).contains("5");
    assertThat(result.bodyChunkSizes()).isEmpty();
  }

  @Test
  void streamedRequestMode_isRefusedWithClearStatus() throws Exception {
    Exchange exchange = client.open(ExchangeOptions.fullDuplex().withModes(BodyMode.STREAMED, BodyMode.NONE));
    var future = exchange.sendRequest(headers(), "x".getBytes(StandardCharsets.UTF_8), 0, false);
    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(StatusRuntimeException.class)
        .hasMessageContaining("FAILED_PRECONDITION")
        .hasMessageContaining("request_body_mode STREAMED is not supported");
  }

  @Test
  void bodyOverLimit_gets413() throws Exception {
    Exchange exchange = client.open(ExchangeOptions.fullDuplex());
    RequestResult result = exchange.sendRequest(headers(), new byte[6_000_001], 65_536, false)
        .get(5, TimeUnit.SECONDS);
    assertThat(result.immediate()).hasValueSatisfying(i -> {
      assertThat(i.status()).isEqualTo(413);
      assertThat(i.body()).isEqualTo(
          "inference error: PayloadTooLarge - request body exceeds the limit of 6000000 bytes");
    });
  }

  @Test
  void rejection_becomesImmediateResponse() throws Exception {
    Exchange exchange = client.open(ExchangeOptions.fullDuplex());
    RequestResult result = exchange.sendRequest(headers(), "reject".getBytes(StandardCharsets.UTF_8), 3, false)
        .get(5, TimeUnit.SECONDS);
    assertThat(result.immediate()).hasValueSatisfying(i -> {
      assertThat(i.status()).isEqualTo(429);
      assertThat(i.body()).isEqualTo("inference error: ResourceExhausted - busy");
    });
  }

  @Test
  void handlerFailure_becomesInternalGrpcError() throws Exception {
    Exchange exchange = client.open(ExchangeOptions.fullDuplex());
    var future = exchange.sendRequest(headers(), "boom".getBytes(StandardCharsets.UTF_8), 0, false);
    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).hasRootCauseInstanceOf(StatusRuntimeException.class);
    assertThat(Status.fromThrowable(exchange.closedFuture().get(5, TimeUnit.SECONDS).asException()).getCode())
        .isEqualTo(Status.Code.INTERNAL);
    assertThat(closes).containsExactly(CloseReason.FAILED);
  }

  @Test
  void requestTrailers_endTheBodyAndAreAnswered() throws Exception {
    Exchange exchange = client.open(ExchangeOptions.fullDuplex());
    var pending = exchange.sendRequest(headers(), new byte[0], 0, true);
    pending.get(5, TimeUnit.SECONDS);
    exchange.sendRequestTrailers(Map.of("x-trailer", "1")).get(5, TimeUnit.SECONDS);
  }

  @Test
  void cancel_closesTheHandlerOnce() throws Exception {
    Exchange exchange = client.open(ExchangeOptions.fullDuplex());
    exchange.sendRequest(headers(), "hello".getBytes(StandardCharsets.UTF_8), 0, false).get(5, TimeUnit.SECONDS);
    exchange.cancel();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(closes).containsExactly(CloseReason.CANCELLED));
  }
}
