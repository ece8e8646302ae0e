package dev.inferencegateway.extproc.client;

import com.google.protobuf.ByteString;
import dev.inferencegateway.extproc.BodyMode;
import dev.inferencegateway.extproc.Structs;
import io.envoyproxy.envoy.config.core.v3.HeaderMap;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.extensions.filters.http.ext_proc.v3.ProcessingMode.BodySendMode;
import io.envoyproxy.envoy.service.ext_proc.v3.BodyResponse;
import io.envoyproxy.envoy.service.ext_proc.v3.CommonResponse;
import io.envoyproxy.envoy.service.ext_proc.v3.HeaderMutation;
import io.envoyproxy.envoy.service.ext_proc.v3.HttpBody;
import io.envoyproxy.envoy.service.ext_proc.v3.HttpHeaders;
import io.envoyproxy.envoy.service.ext_proc.v3.HttpTrailers;
import io.envoyproxy.envoy.service.ext_proc.v3.ProcessingRequest;
import io.envoyproxy.envoy.service.ext_proc.v3.ProcessingResponse;
import io.envoyproxy.envoy.service.ext_proc.v3.ProtocolConfiguration;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One HTTP request's ext_proc stream, driven the way Envoy drives it: headers, then body chunks
 * (without waiting in full-duplex mode, after the header answer in buffered mode), then the
 * response headers and body chunks, then trailers.
 *
 * <p>Methods return futures that complete when the processor has answered that phase. Use one
 * exchange per request, from one thread at a time.
 */
public final class Exchange implements AutoCloseable {
  private final ExchangeOptions options;
  private final Object lock = new Object();
  private final CompletableFuture<Status> closed = new CompletableFuture<>();
  private ClientCallStreamObserver<ProcessingRequest> requests;
  private boolean firstSent;

  private CompletableFuture<RequestResult> requestFuture;
  private byte[] pendingBufferedBody;
  private boolean requestHasBody;
  private final Map<String, String> setHeaders = new LinkedHashMap<>();
  private final List<String> removedHeaders = new ArrayList<>();
  private boolean clearRouteCache;
  private final Map<String, Object> requestMetadata = new LinkedHashMap<>();
  private ByteString requestBodyOut = ByteString.EMPTY;
  private final List<Integer> requestChunkSizes = new ArrayList<>();
  private byte[] originalBody = new byte[0];

  private CompletableFuture<Map<String, String>> responseHeadersFuture;
  private CompletableFuture<ResponseBodyResult> responseBodyFuture = new CompletableFuture<>();
  private Consumer<ByteString> responseChunkListener = chunk -> { };
  private ByteString responseBodyOut = ByteString.EMPTY;
  private final List<Integer> responseChunkSizes = new ArrayList<>();
  private final Map<String, Object> responseMetadata = new LinkedHashMap<>();
  private CompletableFuture<Void> trailersFuture;
  private final Map<String, Map<String, Object>> filterMetadata;
  private Throwable terminal;

  Exchange(ExchangeOptions options) {
    this.options = options;
    this.filterMetadata = new LinkedHashMap<>(options.filterMetadata());
  }

  ClientResponseObserver<ProcessingRequest, ProcessingResponse> observer() {
    return new ClientResponseObserver<>() {
      @Override
      public void beforeStart(ClientCallStreamObserver<ProcessingRequest> stream) {
        requests = stream;
      }

      @Override
      public void onNext(ProcessingResponse response) {
        synchronized (lock) {
          dispatch(response);
        }
      }

      @Override
      public void onError(Throwable t) {
        synchronized (lock) {
          terminal = t;
          failPending(t);
          closed.complete(Status.fromThrowable(t));
        }
      }

      @Override
      public void onCompleted() {
        synchronized (lock) {
          terminal = new IllegalStateException("processor closed the stream");
          failPending(terminal);
          closed.complete(Status.OK);
        }
      }
    };
  }

  /**
   * Sends the request headers and body in chunks of {@code chunkSize} bytes ({@code body} null or
   * empty with {@code headerOnly} true sends a header-only request).
   */
  public CompletableFuture<RequestResult> sendRequest(Map<String, String> headers, byte[] body,
      int chunkSize, boolean headerOnly) {
    synchronized (lock) {
      requestFuture = pending();
      requestHasBody = !headerOnly;
      originalBody = body == null ? new byte[0] : body;
      boolean buffered = options.requestBodyMode() == BodyMode.BUFFERED;
      pendingBufferedBody = !headerOnly && buffered ? originalBody : null;
      send(ProcessingRequest.newBuilder().setRequestHeaders(HttpHeaders.newBuilder()
          .setHeaders(headerMap(headers)).setEndOfStream(headerOnly)));
      if (!headerOnly && !buffered) {
        sendChunks(originalBody, chunkSize, false);
      }
      return requestFuture;
    }
  }

  /**
   * Sends only the request headers of a request with a body; the body follows through
   * {@link #sendRequestBody} (full-duplex mode), for example to stop mid-body.
   */
  public CompletableFuture<RequestResult> startRequest(Map<String, String> headers) {
    synchronized (lock) {
      requestFuture = new CompletableFuture<>();
      requestHasBody = true;
      originalBody = new byte[0];
      send(ProcessingRequest.newBuilder().setRequestHeaders(HttpHeaders.newBuilder()
          .setHeaders(headerMap(headers)).setEndOfStream(false)));
      return requestFuture;
    }
  }

  /** Sends one request body chunk after {@link #startRequest} (full-duplex mode). */
  public void sendRequestBody(ByteString chunk, boolean endOfStream) {
    synchronized (lock) {
      send(ProcessingRequest.newBuilder().setRequestBody(
          HttpBody.newBuilder().setBody(chunk).setEndOfStream(endOfStream)));
    }
  }

  /** Sends request trailers (full-duplex: they end the request body). */
  public CompletableFuture<Void> sendRequestTrailers(Map<String, String> trailers) {
    synchronized (lock) {
      trailersFuture = pending();
      send(ProcessingRequest.newBuilder().setRequestTrailers(
          HttpTrailers.newBuilder().setTrailers(headerMap(trailers))));
      return trailersFuture;
    }
  }

  /** Sends the upstream response headers; the future yields the headers the processor set. */
  public CompletableFuture<Map<String, String>> sendResponseHeaders(Map<String, String> headers,
      boolean endOfStream) {
    synchronized (lock) {
      responseHeadersFuture = pending();
      send(ProcessingRequest.newBuilder().setResponseHeaders(HttpHeaders.newBuilder()
          .setHeaders(headerMap(headers)).setEndOfStream(endOfStream)));
      return responseHeadersFuture;
    }
  }

  /** Registers the consumer of response body chunks as the processor emits them. */
  public void onResponseChunk(Consumer<ByteString> listener) {
    synchronized (lock) {
      responseChunkListener = listener;
    }
  }

  /** Sends one upstream response body chunk. */
  public void sendResponseBody(ByteString chunk, boolean endOfStream) {
    synchronized (lock) {
      send(ProcessingRequest.newBuilder().setResponseBody(
          HttpBody.newBuilder().setBody(chunk).setEndOfStream(endOfStream)));
    }
  }

  /** Returns the future completed when the processor has emitted the end of the response body. */
  public CompletableFuture<ResponseBodyResult> responseBodyDone() {
    return responseBodyFuture;
  }

  /** Sends response trailers; the future completes on the processor's answer. */
  public CompletableFuture<Void> sendResponseTrailers(Map<String, String> trailers) {
    synchronized (lock) {
      trailersFuture = pending();
      send(ProcessingRequest.newBuilder().setResponseTrailers(
          HttpTrailers.newBuilder().setTrailers(headerMap(trailers))));
      return trailersFuture;
    }
  }

  /**
   * Adds or replaces one filter-metadata namespace sent with every later message, as Envoy does
   * when it reports the served endpoint ({@code envoy.lb}) on the response path.
   */
  public void putFilterMetadata(String namespace, Map<String, Object> values) {
    synchronized (lock) {
      filterMetadata.put(namespace, Map.copyOf(values));
    }
  }

  /** Returns the future completed when the processor ends the stream, with its status. */
  public CompletableFuture<Status> closedFuture() {
    return closed;
  }

  /** Cancels the stream, as Envoy does when the client disconnects. */
  public void cancel() {
    synchronized (lock) {
      if (requests != null) {
        requests.cancel("client disconnected", null);
      }
      failPending(new IllegalStateException("cancelled"));
    }
  }

  /** Half-closes the stream (the exchange is over). */
  @Override
  public void close() {
    synchronized (lock) {
      if (!closed.isDone()) {
        try {
          requests.onCompleted();
        } catch (IllegalStateException alreadyClosed) {
          closed.complete(Status.CANCELLED);
        }
      }
    }
  }

  private <T> CompletableFuture<T> pending() {
    CompletableFuture<T> future = new CompletableFuture<>();
    if (terminal != null) {
      future.completeExceptionally(terminal);
    }
    return future;
  }

  private void sendChunks(byte[] body, int chunkSize, boolean forceSingle) {
    int size = forceSingle || chunkSize <= 0 ? Math.max(body.length, 1) : chunkSize;
    if (body.length == 0) {
      send(ProcessingRequest.newBuilder().setRequestBody(
          HttpBody.newBuilder().setBody(ByteString.EMPTY).setEndOfStream(true)));
      return;
    }
    for (int start = 0; start < body.length; start += size) {
      int end = Math.min(body.length, start + size);
      send(ProcessingRequest.newBuilder().setRequestBody(HttpBody.newBuilder()
          .setBody(ByteString.copyFrom(body, start, end - start)).setEndOfStream(end == body.length)));
    }
  }

  private void send(ProcessingRequest.Builder message) {
    if (!firstSent) {
      firstSent = true;
      if (options.sendProtocolConfig()) {
        message.setProtocolConfig(ProtocolConfiguration.newBuilder()
            .setRequestBodyMode(BodySendMode.valueOf(options.requestBodyMode().name()))
            .setResponseBodyMode(BodySendMode.valueOf(options.responseBodyMode().name())));
      }
    }
    if (!filterMetadata.isEmpty()) {
      Metadata.Builder metadata = Metadata.newBuilder();
      filterMetadata.forEach((ns, values) -> metadata.putFilterMetadata(ns, Structs.toStruct(values)));
      message.setMetadataContext(metadata);
    }
    requests.onNext(message.build());
  }

  private void dispatch(ProcessingResponse response) {
    if (response.hasDynamicMetadata()) {
      requestMetadataTarget().putAll(Structs.toMap(response.getDynamicMetadata()));
    }
    switch (response.getResponseCase()) {
      case IMMEDIATE_RESPONSE -> onImmediate(response);
      case REQUEST_HEADERS -> {
        record(response.getRequestHeaders().getResponse());
        if (pendingBufferedBody != null) {
          byte[] body = pendingBufferedBody;
          pendingBufferedBody = null;
          sendChunks(body, 0, true);
        } else if (!requestHasBody) {
          completeRequest();
        }
      }
      case REQUEST_BODY -> onRequestBody(response.getRequestBody());
      case REQUEST_TRAILERS, RESPONSE_TRAILERS -> {
        if (trailersFuture != null) {
          trailersFuture.complete(null);
        }
      }
      case RESPONSE_HEADERS -> {
        Map<String, String> set = new LinkedHashMap<>();
        readSetHeaders(response.getResponseHeaders().getResponse().getHeaderMutation(), set);
        if (responseHeadersFuture != null) {
          responseHeadersFuture.complete(set);
        }
      }
      case RESPONSE_BODY -> onResponseBody(response.getResponseBody());
      case RESPONSE_NOT_SET -> failPending(new IllegalStateException("empty ProcessingResponse"));
    }
  }

  private Map<String, Object> requestMetadataTarget() {
    return requestFuture != null && !requestFuture.isDone() ? requestMetadata : responseMetadata;
  }

  private void onImmediate(ProcessingResponse response) {
    var immediate = response.getImmediateResponse();
    Map<String, String> headers = new LinkedHashMap<>();
    readSetHeaders(immediate.getHeaders(), headers);
    RequestResult.Immediate result = new RequestResult.Immediate(immediate.getStatus().getCodeValue(),
        immediate.getBody().toString(StandardCharsets.UTF_8), headers);
    if (requestFuture != null && !requestFuture.isDone()) {
      requestFuture.complete(new RequestResult(Optional.of(result), Map.of(), List.of(), false,
          Map.of(), ByteString.EMPTY, List.of()));
    } else {
      failPending(new ImmediateResponseException(result));
    }
  }

  private void onRequestBody(BodyResponse body) {
    CommonResponse common = body.getResponse();
    if (common.getBodyMutation().hasStreamedResponse()) {
      var streamed = common.getBodyMutation().getStreamedResponse();
      requestBodyOut = requestBodyOut.concat(streamed.getBody());
      requestChunkSizes.add(streamed.getBody().size());
      if (streamed.getEndOfStream()) {
        completeRequest();
      }
      return;
    }
    record(common);
    requestBodyOut = common.getBodyMutation().hasBody() ? common.getBodyMutation().getBody()
        : ByteString.copyFrom(originalBody);
    completeRequest();
  }

  private void onResponseBody(BodyResponse body) {
    var mutation = body.getResponse().getBodyMutation();
    ByteString chunk = mutation.hasStreamedResponse() ? mutation.getStreamedResponse().getBody()
        : mutation.getBody();
    if (!chunk.isEmpty()) {
      responseBodyOut = responseBodyOut.concat(chunk);
      responseChunkSizes.add(chunk.size());
      responseChunkListener.accept(chunk);
    }
    if (mutation.hasStreamedResponse() && mutation.getStreamedResponse().getEndOfStream()) {
      responseBodyFuture.complete(new ResponseBodyResult(responseBodyOut, List.copyOf(responseChunkSizes),
          Map.copyOf(responseMetadata)));
    }
  }

  private void record(CommonResponse common) {
    readSetHeaders(common.getHeaderMutation(), setHeaders);
    removedHeaders.addAll(common.getHeaderMutation().getRemoveHeadersList());
    clearRouteCache |= common.getClearRouteCache();
  }

  private void completeRequest() {
    if (requestFuture != null && !requestFuture.isDone()) {
      requestFuture.complete(new RequestResult(Optional.empty(), Map.copyOf(setHeaders),
          List.copyOf(removedHeaders), clearRouteCache, Map.copyOf(requestMetadata), requestBodyOut,
          List.copyOf(requestChunkSizes)));
    }
  }

  private void failPending(Throwable t) {
    if (requestFuture != null) {
      requestFuture.completeExceptionally(t);
    }
    if (responseHeadersFuture != null) {
      responseHeadersFuture.completeExceptionally(t);
    }
    responseBodyFuture.completeExceptionally(t);
    if (trailersFuture != null) {
      trailersFuture.completeExceptionally(t);
    }
  }

  private static void readSetHeaders(HeaderMutation mutation, Map<String, String> into) {
    mutation.getSetHeadersList().forEach(option -> {
      HeaderValue h = option.getHeader();
      String value = h.getRawValue().isEmpty() ? h.getValue() : h.getRawValue().toString(StandardCharsets.UTF_8);
      into.put(h.getKey().toLowerCase(Locale.ROOT), value);
    });
  }

  private static HeaderMap headerMap(Map<String, String> headers) {
    HeaderMap.Builder map = HeaderMap.newBuilder();
    headers.forEach((k, v) -> map.addHeaders(HeaderValue.newBuilder().setKey(k.toLowerCase(Locale.ROOT))
        .setRawValue(ByteString.copyFrom(v, StandardCharsets.UTF_8))));
    return map.build();
  }

  /** Thrown into pending futures when the processor answers the response phase directly. */
  public static final class ImmediateResponseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RequestResult.Immediate response;

    ImmediateResponseException(RequestResult.Immediate response) {
      super("immediate response " + response.status());
      this.response = response;
    }

    /** Returns the immediate response. */
    public RequestResult.Immediate response() {
      return response;
    }
  }
}
