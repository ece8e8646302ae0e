package dev.inferencegateway.extproc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import io.envoyproxy.envoy.service.ext_proc.v3.BodyMutation;
import io.envoyproxy.envoy.service.ext_proc.v3.BodyResponse;
import io.envoyproxy.envoy.service.ext_proc.v3.CommonResponse;
import io.envoyproxy.envoy.service.ext_proc.v3.HeadersResponse;
import io.envoyproxy.envoy.service.ext_proc.v3.HttpBody;
import io.envoyproxy.envoy.service.ext_proc.v3.ProcessingRequest;
import io.envoyproxy.envoy.service.ext_proc.v3.ProcessingResponse;
import io.envoyproxy.envoy.service.ext_proc.v3.ProtocolConfiguration;
import io.envoyproxy.envoy.service.ext_proc.v3.StreamedBodyResponse;
import io.envoyproxy.envoy.service.ext_proc.v3.TrailersResponse;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol engine of one ext_proc stream: it follows Envoy's message order for the announced
 * body modes, accumulates the request body, asks the {@link ExchangeHandler} for decisions and
 * writes the answers through a single writer with a close-once guard.
 *
 * <p>Messages are handled where gRPC delivers them. The handler's decisions (the request once
 * complete, the response's end) run on the {@code decisions} executor when one is given, so that
 * a transport thread never waits for plugins; messages that arrive meanwhile wait their turn, and
 * every step holds the stream's lock, so the handler sees one call at a time, in order. A decision
 * is handed to the executor only once the lock is released, so it never waits for the thread that
 * started it, and a decision that follows from another's answer runs on the same thread.
 */
final class ExtProcStream implements StreamObserver<ProcessingRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(ExtProcStream.class);

  private final ServerCallStreamObserver<ProcessingResponse> out;
  private final ExchangeHandler handler;
  private final long maxRequestBodyBytes;
  private final Executor decisions;
  private final ArrayDeque<ProcessingRequest> waiting = new ArrayDeque<>();
  private boolean deciding;
  private Decision pendingDecision;
  private CloseReason deferredClose;
  private BodyMode requestMode = BodyMode.FULL_DUPLEX_STREAMED;
  private BodyMode responseMode = BodyMode.FULL_DUPLEX_STREAMED;
  private boolean firstMessage = true;
  private boolean observabilityOnly;
  private HttpHeadersView requestHeaders = HttpHeadersView.EMPTY;
  private Map<String, Map<String, Object>> metadata = Map.of();
  private ByteString requestBody = ByteString.EMPTY;
  private boolean requestDone;
  private boolean closed;

  ExtProcStream(ServerCallStreamObserver<ProcessingResponse> out, ExchangeHandler handler,
      long maxRequestBodyBytes, Executor decisions) {
    this.out = out;
    this.handler = handler;
    this.maxRequestBodyBytes = maxRequestBodyBytes;
    this.decisions = decisions;
    out.setOnCancelHandler(this::cancelled);
  }

  @Override
  public void onNext(ProcessingRequest request) {
    Decision decision;
    synchronized (this) {
      if (closed) {
        return;
      }
      if (deciding) {
        waiting.add(request);
        return;
      }
      process(request);
      decision = takeDecision();
    }
    start(decision);
  }

  private void process(ProcessingRequest request) {
    try {
      if (firstMessage) {
        firstMessage = false;
        observabilityOnly = request.getObservabilityMode();
        if (request.hasProtocolConfig() && !acceptProtocol(request.getProtocolConfig())) {
          return;
        }
      }
      if (request.hasMetadataContext()) {
        metadata = filterMetadata(request);
      }
      switch (request.getRequestCase()) {
        case REQUEST_HEADERS -> onRequestHeaders(request);
        case REQUEST_BODY -> onRequestBody(request.getRequestBody());
        case REQUEST_TRAILERS -> onRequestTrailers();
        case RESPONSE_HEADERS -> onResponseHeaders(request);
        case RESPONSE_BODY -> onResponseBody(request.getResponseBody());
        case RESPONSE_TRAILERS -> onResponseTrailers();
        case REQUEST_NOT_SET -> fail(Status.INVALID_ARGUMENT.withDescription("empty ext_proc message"));
      }
    } catch (RuntimeException e) {
      LOG.error("ext_proc handler failed", e);
      fail(Status.INTERNAL.withDescription("ext_proc processing failed: " + e.getMessage()));
    }
  }

  @Override
  public synchronized void onError(Throwable t) {
    Status status = Status.fromThrowable(t);
    close(status.getCode() == Status.Code.CANCELLED ? CloseReason.CANCELLED : CloseReason.FAILED, null);
  }

  @Override
  public synchronized void onCompleted() {
    close(CloseReason.COMPLETED, null);
  }

  private synchronized void cancelled() {
    close(CloseReason.CANCELLED, null);
  }

  /**
   * Asks the handler with {@code ask} and applies the answer with {@code apply}. Without a decisions
   * executor both run here. Otherwise the question is left for {@link #takeDecision} and runs on the
   * executor once the stream's lock is released: messages that arrive meanwhile wait, a close
   * reaches the handler only after its answer, and the answer is applied under the lock.
   */
  private <T> void decide(Supplier<T> ask, Consumer<T> apply) {
    if (decisions == null) {
      apply.accept(ask.get());
      return;
    }
    deciding = true;
    pendingDecision = () -> {
      T answer = null;
      RuntimeException failure = null;
      try {
        answer = ask.get();
      } catch (RuntimeException e) {
        failure = e;
      }
      return decided(answer, failure, apply);
    };
  }

  private Decision takeDecision() {
    Decision decision = pendingDecision;
    pendingDecision = null;
    return decision;
  }

  /** Hands {@code decision} to the decisions executor; called without the stream's lock. */
  private void start(Decision decision) {
    if (decision == null) {
      return;
    }
    try {
      decisions.execute(() -> {
        for (Decision next = decision; next != null; ) {
          next = next.run();
        }
      });
    } catch (RejectedExecutionException e) {
      synchronized (this) {
        endDecision();
        fail(Status.UNAVAILABLE.withDescription("ext_proc server is shutting down"));
      }
    }
  }

  private synchronized <T> Decision decided(T answer, RuntimeException failure, Consumer<T> apply) {
    endDecision();
    if (closed) {
      return null;
    }
    try {
      if (failure != null) {
        throw failure;
      }
      apply.accept(answer);
    } catch (RuntimeException e) {
      LOG.error("ext_proc handler failed", e);
      fail(Status.INTERNAL.withDescription("ext_proc processing failed: " + e.getMessage()));
    }
    while (!deciding && !closed && !waiting.isEmpty()) {
      process(waiting.poll());
    }
    return takeDecision();
  }

  private void endDecision() {
    deciding = false;
    if (deferredClose != null) {
      CloseReason reason = deferredClose;
      deferredClose = null;
      closeHandler(reason);
    }
  }

  private boolean acceptProtocol(ProtocolConfiguration config) {
    requestMode = BodyMode.of(config.getRequestBodyMode());
    responseMode = BodyMode.of(config.getResponseBodyMode());
    if (requestMode != BodyMode.FULL_DUPLEX_STREAMED && requestMode != BodyMode.BUFFERED) {
      fail(Status.FAILED_PRECONDITION.withDescription("request_body_mode " + requestMode
          + " is not supported: configure the ext_proc filter with request_body_mode"
          + " FULL_DUPLEX_STREAMED (or BUFFERED)"));
      return false;
    }
    return true;
  }

  private void onRequestHeaders(ProcessingRequest request) {
    requestHeaders = HttpHeadersView.of(request.getRequestHeaders().getHeaders());
    if (request.getRequestHeaders().getEndOfStream()) {
      finishRequest(false, false);
    } else if (requestMode == BodyMode.BUFFERED) {
      send(ProcessingResponse.newBuilder().setRequestHeaders(HeadersResponse.getDefaultInstance()).build());
    }
  }

  private void onRequestBody(HttpBody chunk) {
    if (requestDone) {
      return;
    }
    if ((long) requestBody.size() + chunk.getBody().size() > maxRequestBodyBytes) {
      reject(new RequestOutcome.Reject(413, "inference error: PayloadTooLarge - request body exceeds the limit of "
          + maxRequestBodyBytes + " bytes", HeaderChanges.NONE));
      return;
    }
    requestBody = requestBody.concat(chunk.getBody());
    if (chunk.getEndOfStream()) {
      finishRequest(true, false);
    }
  }

  private void onRequestTrailers() {
    if (requestDone) {
      sendRequestTrailers();
    } else {
      finishRequest(true, true);
    }
  }

  private void sendRequestTrailers() {
    send(ProcessingResponse.newBuilder().setRequestTrailers(TrailersResponse.getDefaultInstance()).build());
  }

  private void finishRequest(boolean hasBody, boolean trailersFollow) {
    requestDone = true;
    RequestContext context = new RequestContext(requestHeaders, requestBody, hasBody, metadata, requestMode);
    requestBody = ByteString.EMPTY;
    decide(() -> handler.onRequest(context), outcome -> {
      if (outcome instanceof RequestOutcome.Reject reject) {
        reject(reject);
        return;
      }
      RequestOutcome.Forward forward = (RequestOutcome.Forward) outcome;
      if (!hasBody || requestMode == BodyMode.FULL_DUPLEX_STREAMED) {
        sendStreamedRequest(forward, hasBody, trailersFollow);
      } else {
        sendBufferedRequest(forward);
      }
      if (trailersFollow) {
        sendRequestTrailers();
      }
    });
  }

  private void sendStreamedRequest(RequestOutcome.Forward forward, boolean hasBody, boolean trailersFollow) {
    HeaderChanges headers = hasBody
        ? forward.headers().with("Content-Length", Integer.toString(forward.body().size()))
        : forward.headers();
    ProcessingResponse.Builder headerResponse = ProcessingResponse.newBuilder().setRequestHeaders(
        HeadersResponse.newBuilder().setResponse(CommonResponse.newBuilder()
            .setHeaderMutation(headers.toMutation()).setClearRouteCache(true)));
    attachMetadata(headerResponse, forward.dynamicMetadata());
    send(headerResponse.build());
    if (!hasBody) {
      return;
    }
    List<ByteString> chunks = BodyChunks.split(forward.body());
    for (int i = 0; i < chunks.size(); i++) {
      boolean last = i == chunks.size() - 1;
      send(ProcessingResponse.newBuilder().setRequestBody(BodyResponse.newBuilder().setResponse(
          CommonResponse.newBuilder().setBodyMutation(BodyMutation.newBuilder().setStreamedResponse(
              StreamedBodyResponse.newBuilder().setBody(chunks.get(i))
                  .setEndOfStream(last && !trailersFollow))))).build());
    }
  }

  private void sendBufferedRequest(RequestOutcome.Forward forward) {
    HeaderChanges headers = forward.bodyChanged()
        ? forward.headers().with("Content-Length", Integer.toString(forward.body().size()))
        : forward.headers();
    CommonResponse.Builder common = CommonResponse.newBuilder()
        .setHeaderMutation(headers.toMutation()).setClearRouteCache(true);
    if (forward.bodyChanged()) {
      common.setBodyMutation(BodyMutation.newBuilder().setBody(forward.body()));
    }
    ProcessingResponse.Builder response = ProcessingResponse.newBuilder()
        .setRequestBody(BodyResponse.newBuilder().setResponse(common));
    attachMetadata(response, forward.dynamicMetadata());
    send(response.build());
  }

  private void onResponseHeaders(ProcessingRequest request) {
    HeaderChanges changes = handler.onResponseHeaders(
        HttpHeadersView.of(request.getResponseHeaders().getHeaders()), metadata,
        request.getResponseHeaders().getEndOfStream());
    send(ProcessingResponse.newBuilder().setResponseHeaders(HeadersResponse.newBuilder()
        .setResponse(CommonResponse.newBuilder().setHeaderMutation(changes.toMutation()))).build());
  }

  private void onResponseBody(HttpBody chunk) {
    boolean last = chunk.getEndOfStream();
    if (last) {
      decide(() -> handler.onResponseBody(chunk.getBody(), true), outcome -> respondToBody(chunk, outcome));
    } else {
      respondToBody(chunk, handler.onResponseBody(chunk.getBody(), false));
    }
  }

  private void respondToBody(HttpBody chunk, ResponseBodyOutcome outcome) {
    boolean last = chunk.getEndOfStream();
    if (responseMode == BodyMode.FULL_DUPLEX_STREAMED) {
      sendStreamedResponse(outcome, last);
      return;
    }
    CommonResponse.Builder common = CommonResponse.newBuilder();
    if (!(outcome.emit().size() == 1 && outcome.emit().get(0).equals(chunk.getBody()))) {
      common.setBodyMutation(BodyMutation.newBuilder().setBody(ByteString.copyFrom(outcome.emit())));
    }
    ProcessingResponse.Builder response = ProcessingResponse.newBuilder()
        .setResponseBody(BodyResponse.newBuilder().setResponse(common));
    if (last) {
      attachMetadata(response, outcome.dynamicMetadata());
    }
    send(response.build());
  }

  private void onResponseTrailers() {
    decide(handler::onResponseTrailers, this::respondToTrailers);
  }

  private void respondToTrailers(ResponseBodyOutcome outcome) {
    if (responseMode == BodyMode.FULL_DUPLEX_STREAMED) {
      for (ByteString emitted : outcome.emit()) {
        for (ByteString piece : emitted.isEmpty() ? List.<ByteString>of() : BodyChunks.split(emitted)) {
          send(ProcessingResponse.newBuilder().setResponseBody(BodyResponse.newBuilder().setResponse(
              CommonResponse.newBuilder().setBodyMutation(BodyMutation.newBuilder().setStreamedResponse(
                  StreamedBodyResponse.newBuilder().setBody(piece).setEndOfStream(false))))).build());
        }
      }
    }
    ProcessingResponse.Builder response = ProcessingResponse.newBuilder()
        .setResponseTrailers(TrailersResponse.getDefaultInstance());
    attachMetadata(response, outcome.dynamicMetadata());
    send(response.build());
  }

  private void sendStreamedResponse(ResponseBodyOutcome outcome, boolean last) {
    List<ByteString> pieces = new java.util.ArrayList<>();
    for (ByteString emitted : outcome.emit()) {
      if (!emitted.isEmpty()) {
        pieces.addAll(BodyChunks.split(emitted));
      }
    }
    if (last && pieces.isEmpty()) {
      pieces.add(ByteString.EMPTY);
    }
    for (int i = 0; i < pieces.size(); i++) {
      boolean end = last && i == pieces.size() - 1;
      ProcessingResponse.Builder response = ProcessingResponse.newBuilder().setResponseBody(
          BodyResponse.newBuilder().setResponse(CommonResponse.newBuilder().setBodyMutation(
              BodyMutation.newBuilder().setStreamedResponse(StreamedBodyResponse.newBuilder()
                  .setBody(pieces.get(i)).setEndOfStream(end)))));
      if (end) {
        attachMetadata(response, outcome.dynamicMetadata());
      }
      send(response.build());
    }
  }

  private void reject(RequestOutcome.Reject reject) {
    send(ProcessingResponse.newBuilder().setImmediateResponse(ImmediateResponses.of(reject)).build());
    close(CloseReason.COMPLETED, null);
  }

  private void fail(Status status) {
    close(CloseReason.FAILED, status);
  }

  private void send(ProcessingResponse response) {
    if (!closed && !observabilityOnly && !out.isCancelled()) {
      out.onNext(response);
    }
  }

  private void close(CloseReason reason, Status error) {
    if (closed) {
      return;
    }
    closed = true;
    if (deciding) {
      deferredClose = reason;
    } else {
      closeHandler(reason);
    }
    if (reason == CloseReason.CANCELLED || out.isCancelled()) {
      return;
    }
    try {
      if (error != null) {
        out.onError(error.asRuntimeException());
      } else {
        out.onCompleted();
      }
    } catch (IllegalStateException alreadyClosed) {
      LOG.debug("ext_proc stream already closed", alreadyClosed);
    }
  }

  private void closeHandler(CloseReason reason) {
    try {
      handler.onClose(reason);
    } catch (RuntimeException e) {
      LOG.warn("ext_proc close handler failed", e);
    }
  }

  private static void attachMetadata(ProcessingResponse.Builder response,
      Map<String, Map<String, Object>> dynamicMetadata) {
    if (!dynamicMetadata.isEmpty()) {
      response.setDynamicMetadata(Structs.toStruct(dynamicMetadata));
    }
  }

  private static Map<String, Map<String, Object>> filterMetadata(ProcessingRequest request) {
    Map<String, Struct> raw = request.getMetadataContext().getFilterMetadataMap();
    Map<String, Map<String, Object>> result = new LinkedHashMap<>(raw.size() * 2);
    raw.forEach((namespace, struct) -> result.put(namespace, Structs.toMap(struct)));
    return result;
  }

  /** A handler decision to run off the stream's lock; returns the next one its answer led to, or null. */
  @FunctionalInterface
  private interface Decision {
    Decision run();
  }
}
