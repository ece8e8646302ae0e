package dev.inferencegateway.extproc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.inferencegateway.extproc.client.Exchange;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.ExtProcClient;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponseTrailersTest {
  private Server server;
  private ManagedChannel channel;

  /** Holds the whole response body and releases it, upper-cased, at the end or at the trailers. */
  private static final class HoldingHandler implements ExchangeHandler {
    private final StringBuilder held = new StringBuilder();

    @Override
    public RequestOutcome onRequest(RequestContext request) {
      return new RequestOutcome.Forward(HeaderChanges.NONE, request.body(), false, Map.of());
    }

    @Override
    public ResponseBodyOutcome onResponseBody(ByteString chunk, boolean endOfStream) {
      held.append(chunk.toStringUtf8());
      return endOfStream ? release() : ResponseBodyOutcome.hold();
    }

    @Override
    public ResponseBodyOutcome onResponseTrailers() {
      return release();
    }

    private ResponseBodyOutcome release() {
      String text = held.toString().toUpperCase(java.util.Locale.ROOT);
      held.setLength(0);
      return new ResponseBodyOutcome(List.of(ByteString.copyFromUtf8(text)), Map.of("ns", Map.of("k", "v")));
    }
  }

  /** Adds a suffix to every chunk it sees and does not hold anything. */
  private static final class SuffixHandler implements ExchangeHandler {
    @Override
    public RequestOutcome onRequest(RequestContext request) {
      return new RequestOutcome.Forward(HeaderChanges.NONE, request.body(), false, Map.of());
    }

    @Override
    public ResponseBodyOutcome onResponseBody(ByteString chunk, boolean endOfStream) {
      return ResponseBodyOutcome.echo(chunk.isEmpty() ? chunk : chunk.concat(ByteString.copyFromUtf8("!")));
    }
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private Exchange open(ExchangeHandlerFactory factory) throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new ExtProcService(factory, 1 << 20)).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    return new ExtProcClient(channel).open(ExchangeOptions.fullDuplex());
  }

  @Test
  void trailersEndingTheResponse_releaseHeldBytesBeforeTheTrailersAnswer() throws Exception {
    Exchange exchange = open(HoldingHandler::new);
    List<String> chunks = new ArrayList<>();
    exchange.onResponseChunk(chunk -> chunks.add(chunk.toStringUtf8()));
    exchange.sendRequest(Map.of(":path", "/x"), new byte[] {'a'}, 0, false).get(5, TimeUnit.SECONDS);
    exchange.sendResponseHeaders(Map.of(":status", "200"), false).get(5, TimeUnit.SECONDS);
    exchange.sendResponseBody(ByteString.copyFromUtf8("abc"), false);
    exchange.sendResponseBody(ByteString.copyFromUtf8("def"), false);

    exchange.sendResponseTrailers(Map.of("grpc-status", "0")).get(5, TimeUnit.SECONDS);

    assertThat(chunks).containsExactly("ABCDEF");
  }

  @Test
  void chain_flushesTheNearerStageThroughTheFartherOne() throws Exception {
    Exchange exchange = open(ExchangeChain.of(List.of(SuffixHandler::new, HoldingHandler::new)));
    List<String> chunks = new ArrayList<>();
    exchange.onResponseChunk(chunk -> chunks.add(chunk.toStringUtf8()));
    exchange.sendRequest(Map.of(":path", "/x"), new byte[] {'a'}, 0, false).get(5, TimeUnit.SECONDS);
    exchange.sendResponseHeaders(Map.of(":status", "200"), false).get(5, TimeUnit.SECONDS);
    exchange.sendResponseBody(ByteString.copyFromUtf8("xy"), false);

    exchange.sendResponseTrailers(Map.of()).get(5, TimeUnit.SECONDS);

    assertThat(chunks).containsExactly("XY!");
  }
}
