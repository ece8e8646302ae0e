package dev.inferencegateway.bench.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.inferencegateway.extproc.CloseReason;
import dev.inferencegateway.extproc.ExchangeHandler;
import dev.inferencegateway.extproc.ExchangeHandlerFactory;
import dev.inferencegateway.extproc.HeaderChanges;
import dev.inferencegateway.extproc.HttpHeadersView;
import dev.inferencegateway.extproc.RequestContext;
import dev.inferencegateway.extproc.RequestOutcome;
import dev.inferencegateway.extproc.ResponseBodyOutcome;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Small ext_proc handlers that play the BBR and an EPP in tests. */
public final class TestProcessors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestProcessors() {}

  /**
   * A BBR: copies the body's {@code model} into {@code X-Gateway-Model-Name} and its base model
   * ({@code baseOf}, the model itself when unmapped) into {@code X-Gateway-Base-Model-Name}.
   */
  public static ExchangeHandlerFactory bbr(Map<String, String> baseOf) {
    return () -> request -> {
      String model = modelOf(request);
      HeaderChanges headers = model == null ? HeaderChanges.NONE : HeaderChanges.setting(Map.of(
          "X-Gateway-Model-Name", model, "X-Gateway-Base-Model-Name", baseOf.getOrDefault(model, model)));
      return new RequestOutcome.Forward(headers, request.body(), false, Map.of());
    };
  }

  /** A processor that rejects every request with {@code status} and {@code body}. */
  public static ExchangeHandlerFactory rejecting(int status, String body) {
    return () -> request -> new RequestOutcome.Reject(status, body, HeaderChanges.NONE);
  }

  /** Returns the body's {@code model}, or null. */
  public static String modelOf(RequestContext request) {
    try {
      JsonNode model = JSON.readTree(request.body().toByteArray()).path("model");
      return model.isTextual() ? model.asText() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** An EPP that answers with a chosen destination list and records what the gateway reports. */
  public static final class Epp implements ExchangeHandlerFactory {
    private final Supplier<String> destinations;
    public final List<RequestContext> requests = new CopyOnWriteArrayList<>();
    public final List<Map<String, Map<String, Object>>> responseMetadata = new CopyOnWriteArrayList<>();
    public final AtomicInteger responseChunks = new AtomicInteger();
    public final List<CloseReason> closes = new CopyOnWriteArrayList<>();

    /** An EPP answering {@code ip:port[,ip:port...]} from {@code destinations}. */
    public Epp(Supplier<String> destinations) {
      this.destinations = destinations;
    }

    @Override
    public ExchangeHandler newExchange() {
      return new ExchangeHandler() {
        @Override
        public RequestOutcome onRequest(RequestContext request) {
          requests.add(request);
          String chosen = destinations.get();
          return new RequestOutcome.Forward(HeaderChanges.setting(Map.of("x-gateway-destination-endpoint", chosen)),
              request.body(), false, Map.of("envoy.lb", Map.of("x-gateway-destination-endpoint", chosen)));
        }

        @Override
        public HeaderChanges onResponseHeaders(HttpHeadersView headers, Map<String, Map<String, Object>> metadata,
            boolean endOfStream) {
          responseMetadata.add(metadata);
          return HeaderChanges.setting(Map.of("x-went-into-resp-headers", "true"));
        }

        @Override
        public void onClose(CloseReason reason) {
          closes.add(reason);
        }

        @Override
        public ResponseBodyOutcome onResponseBody(ByteString chunk, boolean endOfStream) {
          responseChunks.incrementAndGet();
          return ResponseBodyOutcome.echo(chunk);
        }
      };
    }

    /** Returns the served endpoints the gateway reported on response headers. */
    public List<Object> servedEndpoints() {
      return responseMetadata.stream().map(m -> m.getOrDefault("envoy.lb", Map.of()))
          .map(lb -> lb.get("x-gateway-destination-endpoint-served")).toList();
    }
  }
}
