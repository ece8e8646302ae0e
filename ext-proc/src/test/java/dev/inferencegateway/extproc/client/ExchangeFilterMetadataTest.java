package dev.inferencegateway.extproc.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.extproc.ExchangeHandler;
import dev.inferencegateway.extproc.ExtProcService;
import dev.inferencegateway.extproc.HeaderChanges;
import dev.inferencegateway.extproc.HttpHeadersView;
import dev.inferencegateway.extproc.RequestContext;
import dev.inferencegateway.extproc.RequestOutcome;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExchangeFilterMetadataTest {
  private static final Map<String, String> HEADERS = Map.of(":method", "POST", ":path", "/v1/completions");
  private final List<Map<String, Map<String, Object>>> seen = new CopyOnWriteArrayList<>();
  private Server server;
  private ManagedChannel channel;

  private final class RecordingHandler implements ExchangeHandler {
    @Override
    public RequestOutcome onRequest(RequestContext request) {
      seen.add(request.metadata());
      return new RequestOutcome.Forward(HeaderChanges.NONE, request.body(), false, Map.of());
    }

    @Override
    public HeaderChanges onResponseHeaders(HttpHeadersView headers, Map<String, Map<String, Object>> metadata,
        boolean endOfStream) {
      seen.add(metadata);
      return HeaderChanges.NONE;
    }
  }

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new ExtProcService(RecordingHandler::new, 1_000_000)).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void putFilterMetadata_isSentWithLaterMessagesOnly() throws Exception {
    Map<String, Map<String, Object>> hint = Map.of("envoy.lb.subset_hint",
        Map.of("x-gateway-destination-endpoint-subset", List.of("10.0.0.1:8000")));
    Exchange exchange = new ExtProcClient(channel).open(ExchangeOptions.fullDuplex().withFilterMetadata(hint));
    exchange.sendRequest(HEADERS, "{}".getBytes(StandardCharsets.UTF_8), 0, false).get(5, TimeUnit.SECONDS);

    exchange.putFilterMetadata("envoy.lb", Map.of("x-gateway-destination-endpoint-served", "10.0.0.1:8000"));
    exchange.sendResponseHeaders(Map.of(":status", "200"), true).get(5, TimeUnit.SECONDS);
    exchange.close();

    assertThat(seen.get(0)).isEqualTo(hint);
    assertThat(seen.get(1)).containsAllEntriesOf(hint)
        .containsEntry("envoy.lb", Map.of("x-gateway-destination-endpoint-served", "10.0.0.1:8000"));
  }

  @Test
  void phaseStartedAfterTheStreamFailed_failsAtOnce() throws Exception {
    ManagedChannel nowhere = InProcessChannelBuilder.forName(InProcessServerBuilder.generateName()).build();
    try {
      Exchange exchange = new ExtProcClient(nowhere).open(ExchangeOptions.fullDuplex());
      exchange.closedFuture().get(5, TimeUnit.SECONDS);

      var request = exchange.sendRequest(HEADERS, "{}".getBytes(StandardCharsets.UTF_8), 0, false);

      assertThat(request).isCompletedExceptionally();
      assertThat(exchange.sendResponseHeaders(Map.of(":status", "200"), true)).isCompletedExceptionally();
    } finally {
      nowhere.shutdownNow();
    }
  }
}
