package dev.inferencegateway.epp.server.handler;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.inferencegateway.epp.core.director.DirectorResult;
import dev.inferencegateway.epp.core.director.ProtocolKeys;
import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.request.ByteSlice;
import dev.inferencegateway.epp.core.request.ErrorCode;
import dev.inferencegateway.epp.core.request.InferenceException;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.request.RequestBody;
import dev.inferencegateway.extproc.CloseReason;
import dev.inferencegateway.extproc.ExchangeHandler;
import dev.inferencegateway.extproc.HeaderChanges;
import dev.inferencegateway.extproc.HttpHeadersView;
import dev.inferencegateway.extproc.RequestContext;
import dev.inferencegateway.extproc.RequestOutcome;
import dev.inferencegateway.extproc.ResponseBodyOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EPP's handling of one ext_proc stream: parses the body, asks the director for endpoints,
 * answers with the destination header and identical {@code envoy.lb} metadata (or an immediate
 * error response), then follows the response through a {@link ResponseProcessor}.
 */
final class EppExchange implements ExchangeHandler {
  private static final Logger LOG = LoggerFactory.getLogger(EppExchange.class);

  private final ExchangeServices services;
  private long startNanos;
  private String requestId = "";
  private String model = "";
  private String targetModel = "";
  private ErrorCode error;
  private boolean running;
  private ResponseProcessor responses;

  EppExchange(ExchangeServices services) {
    this.services = services;
  }

  @Override
  public RequestOutcome onRequest(RequestContext context) {
    startNanos = services.nanoClock().getAsLong();
    Map<String, String> headers = context.headers().asMap();
    HeaderChanges changes = HeaderChanges.NONE;
    String clientId = headers.get(ProtocolKeys.REQUEST_ID);
    if (clientId == null || clientId.isBlank()) {
      requestId = services.requestIds().get();
      changes = changes.with(ProtocolKeys.REQUEST_ID, requestId);
      headers = withHeader(headers, ProtocolKeys.REQUEST_ID, requestId);
    } else {
      requestId = clientId.trim();
    }
    try {
      if (!context.hasBody()) {
        return forward(changes, services.director().randomEndpoint().hostPort(), context.body(), false);
      }
      return route(context, headers, changes);
    } catch (InferenceException e) {
      error = e.errorCode();
      LOG.debug("Request {} rejected: {} {}", requestId, e.errorCode().httpStatus(), e.responseBody(), e.getCause());
      return new RequestOutcome.Reject(e.errorCode().httpStatus(), e.responseBody(), HeaderChanges.NONE);
    } catch (RuntimeException e) {
      error = ErrorCode.UNKNOWN;
      LOG.error("Request {} failed unexpectedly", requestId, e);
      throw e;
    }
  }

  private RequestOutcome route(RequestContext context, Map<String, String> headers, HeaderChanges changes) {
    RequestBody body = services.pipeline().parser().parseRequest(headers, context.body().toByteArray());
    model = body.model().orElse("");
    targetModel = model;
    DirectorResult result = services.director().handleRequest(requestId, headers, body,
        SubsetHints.from(context.metadata()));
    InferenceRequest request = result.request();
    targetModel = request.targetModel();
    ByteString forwarded = context.body();
    if (result.bodyRewritten()) {
      ByteSlice raw = request.body().raw();
      forwarded = UnsafeByteOperations.unsafeWrap(raw.array(), raw.offset(), raw.length());
    }
    services.requestMetrics().requestRouted(model, targetModel, request.priority(), request.requestSizeBytes());
    services.requestMetrics().running(model, 1);
    running = true;
    responses = new ResponseProcessor(request, result.targets().stream().map(Endpoint::metadata).toList(),
        services, startNanos);
    return forward(changes, result.destination(), forwarded, result.bodyRewritten());
  }

  private static RequestOutcome forward(HeaderChanges changes, String destination, ByteString body, boolean changed) {
    return new RequestOutcome.Forward(changes.with(ProtocolKeys.DESTINATION_ENDPOINT, destination), body, changed,
        Map.of(ProtocolKeys.DESTINATION_NAMESPACE, Map.of(ProtocolKeys.DESTINATION_ENDPOINT, destination)));
  }

  @Override
  public HeaderChanges onResponseHeaders(HttpHeadersView headers, Map<String, Map<String, Object>> metadata,
      boolean endOfStream) {
    if (responses == null) {
      return HeaderChanges.setting(Map.of(ProtocolKeys.WENT_INTO_RESPONSE_HEADERS, "true"));
    }
    HeaderChanges changes = responses.onHeaders(headers, metadata, endOfStream);
    if (responses.modelServerError()) {
      error = ErrorCode.MODEL_SERVER_ERROR;
    }
    return changes;
  }

  @Override
  public ResponseBodyOutcome onResponseBody(ByteString chunk, boolean endOfStream) {
    return responses == null ? ResponseBodyOutcome.echo(chunk) : responses.onBody(chunk, endOfStream);
  }

  @Override
  public ResponseBodyOutcome onResponseTrailers() {
    return responses == null ? ResponseBodyOutcome.hold() : responses.onTrailers();
  }

  @Override
  public void onClose(CloseReason reason) {
    if (responses != null) {
      responses.onClose();
    }
    if (error != null) {
      services.requestMetrics().requestFailed(model, targetModel, error.code());
    }
    if (running) {
      running = false;
      services.requestMetrics().running(model, -1);
    }
    if (reason == CloseReason.CANCELLED && !requestId.isEmpty()) {
      LOG.debug("Request {} cancelled by the proxy", requestId);
    }
  }

  private static Map<String, String> withHeader(Map<String, String> headers, String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return copy;
  }
}
