package dev.inferencegateway.epp.server.handler;

import com.google.protobuf.ByteString;
import dev.inferencegateway.epp.core.director.ProtocolKeys;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.request.ApiType;
import dev.inferencegateway.epp.core.request.ByteSlice;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.request.InferenceResponse;
import dev.inferencegateway.epp.core.request.Usage;
import dev.inferencegateway.epp.core.requestcontrol.ResponseBodyProcessor;
import dev.inferencegateway.epp.core.requestcontrol.ResponseHeaderProcessor;
import dev.inferencegateway.extproc.HeaderChanges;
import dev.inferencegateway.extproc.HttpHeadersView;
import dev.inferencegateway.extproc.ResponseBodyOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response side of one routed request (upstream §1.2 steps 5 to 8): response-header plugins,
 * server-sent-event detection, usage, the model name rewritten back to the client's, response-body
 * plugins (per chunk off the stream's thread, then synchronously at the end with their dynamic
 * metadata), forced completion when the stream ends early, and the completion metrics.
 */
final class ResponseProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseProcessor.class);
  private static final Duration DRAIN_BOUND = Duration.ofSeconds(5);

  private final InferenceRequest request;
  private final List<EndpointMetadata> targets;
  private final ExchangeServices services;
  private final long requestStartNanos;
  private final ModelNameRestorer restorer;
  private InferenceResponse response;
  private SseLineBuffer lines;
  private SerialTaskQueue queue;
  private ByteString held = ByteString.EMPTY;
  private boolean holding;
  private boolean overflowed;
  private long responseBytes;
  private Optional<Usage> usage = Optional.empty();
  private boolean firstChunk = true;
  private boolean completed;
  private boolean modelServerError;

  ResponseProcessor(InferenceRequest request, List<EndpointMetadata> targets, ExchangeServices services,
      long requestStartNanos) {
    this.request = request;
    this.targets = targets;
    this.services = services;
    this.requestStartNanos = requestStartNanos;
    boolean rewritten = !request.incomingModel().equals(request.targetModel())
        && request.body().apiType() != ApiType.OPAQUE;
    this.restorer = rewritten ? new ModelNameRestorer(request.targetModel(), request.incomingModel()) : null;
  }

  /** Returns whether the model server answered with a status other than 200. */
  boolean modelServerError() {
    return modelServerError;
  }

  HeaderChanges onHeaders(HttpHeadersView headers, Map<String, Map<String, Object>> metadata, boolean endOfStream) {
    modelServerError = !headers.get(":status").orElse("200").trim().equals("200");
    boolean streaming = headers.get("content-type")
        .map(type -> type.toLowerCase(Locale.ROOT).contains("text/event-stream")).orElse(false);
    response = new InferenceResponse(request.requestId(), headers.asMap(), streaming,
        new LinkedHashMap<>(metadata), servedEndpoint(metadata));
    if (streaming) {
      lines = new SseLineBuffer(services.maxBufferedResponseBytes());
    }
    holding = !streaming && restorer != null;
    for (ResponseHeaderProcessor plugin : services.pipeline().responseHeaderProcessors()) {
      timed("ResponseReceived", plugin.typedName(), () -> plugin.responseHeader(request, response));
    }
    HeaderChanges changes = HeaderChanges.setting(Map.of(ProtocolKeys.WENT_INTO_RESPONSE_HEADERS, "true"))
        .plus(HeaderChanges.setting(response.headerMutations()));
    if (endOfStream) {
      finish(ByteString.EMPTY, List.of());
    }
    return changes;
  }

  ResponseBodyOutcome onBody(ByteString chunk, boolean endOfStream) {
    if (response == null) {
      onHeaders(HttpHeadersView.EMPTY, Map.of(), false);
    }
    if (completed) {
      return ResponseBodyOutcome.echo(chunk);
    }
    responseBytes += chunk.size();
    return response.streaming() ? streamed(chunk, endOfStream) : buffered(chunk, endOfStream);
  }

  ResponseBodyOutcome onTrailers() {
    if (response == null || completed) {
      return ResponseBodyOutcome.hold();
    }
    List<ByteString> emit = new ArrayList<>();
    if (response.streaming()) {
      ByteString rest = lines.flush();
      readUsage(rest, true);
      if (restorer != null && !rest.isEmpty()) {
        emit.add(restorer.restore(rest));
      }
    } else {
      readUsage(held, false);
      if (holding) {
        emit.add(restorer.restore(held));
      }
    }
    return finish(response.streaming() ? ByteString.EMPTY : held, emit);
  }

  /** Completes the response plugins when the stream ended before the response did. */
  void onClose() {
    if (completed || response == null && services.pipeline().responseBodyProcessors().isEmpty()) {
      return;
    }
    completed = true;
    if (services.pipeline().responseBodyProcessors().isEmpty()) {
      return;
    }
    if (response == null) {
      response = new InferenceResponse(request.requestId(), Map.of(), false, Map.of(), Optional.empty());
    }
    boolean first = firstChunk;
    Optional<Usage> known = usage;
    queue().submit(() -> runBodyPlugins(ByteSlice.EMPTY, first, true, known));
  }

  private ResponseBodyOutcome streamed(ByteString chunk, boolean endOfStream) {
    ByteString complete = lines.append(chunk);
    readUsage(complete, true);
    List<ByteString> emit = new ArrayList<>(2);
    emit.add(restorer == null ? chunk : restorer.restore(complete));
    if (endOfStream) {
      ByteString rest = lines.flush();
      readUsage(rest, true);
      if (restorer != null && !rest.isEmpty()) {
        emit.add(restorer.restore(rest));
      }
      return finish(chunk, emit);
    }
    if (!services.pipeline().responseBodyProcessors().isEmpty()) {
      byte[] copy = chunk.toByteArray();
      boolean first = firstChunk;
      Optional<Usage> known = usage;
      firstChunk = false;
      queue().submit(() -> runBodyPlugins(ByteSlice.of(copy), first, false, known));
    }
    return new ResponseBodyOutcome(emit, Map.of());
  }

  private ResponseBodyOutcome buffered(ByteString chunk, boolean endOfStream) {
    if (!overflowed && held.size() + (long) chunk.size() <= services.maxBufferedResponseBytes()) {
      held = held.concat(chunk);
    } else if (!overflowed) {
      overflowed = true;
      ByteString pending = held;
      held = ByteString.EMPTY;
      LOG.debug("Request {}: response larger than {} bytes passes without usage or model rewriting",
          request.requestId(), services.maxBufferedResponseBytes());
      if (holding) {
        holding = false;
        ByteString release = restorer.restore(pending.concat(chunk));
        return endOfStream ? finish(ByteString.EMPTY, List.of(release)) : ResponseBodyOutcome.echo(release);
      }
    }
    if (!endOfStream) {
      return holding ? ResponseBodyOutcome.hold() : ResponseBodyOutcome.echo(chunk);
    }
    readUsage(held, false);
    return finish(held, List.of(holding ? restorer.restore(held) : chunk));
  }

  private ResponseBodyOutcome finish(ByteString finalChunk, List<ByteString> emit) {
    completed = true;
    if (!services.pipeline().responseBodyProcessors().isEmpty()) {
      if (queue != null && !queue.drain(DRAIN_BOUND)) {
        LOG.warn("Request {}: response plugins still busy after {}; finishing without waiting",
            request.requestId(), DRAIN_BOUND);
      }
      runBodyPlugins(ByteSlice.of(finalChunk.toByteArray()), firstChunk, true, usage);
    }
    services.requestMetrics().responseCompleted(request.incomingModel(), request.targetModel(),
        services.nanoClock().getAsLong() - requestStartNanos, responseBytes, usage);
    return new ResponseBodyOutcome(emit, response.dynamicMetadata());
  }

  private void runBodyPlugins(ByteSlice chunk, boolean first, boolean last, Optional<Usage> known) {
    response.nextChunk(chunk, first, last);
    known.ifPresent(response::usage);
    for (ResponseBodyProcessor plugin : services.pipeline().responseBodyProcessors()) {
      timed("ResponseStreaming", plugin.typedName(), () -> plugin.responseBody(request, response));
    }
  }

  private void readUsage(ByteString data, boolean streaming) {
    if (data.isEmpty()) {
      return;
    }
    services.pipeline().parser().extractUsage(ByteSlice.of(data.toByteArray()), streaming)
        .ifPresent(found -> usage = Optional.of(found));
  }

  private void timed(String extensionPoint, TypedName plugin, Runnable call) {
    long start = services.nanoClock().getAsLong();
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("Request {}: response plugin {} failed: {}", request.requestId(), plugin, e.toString());
      LOG.debug("response plugin failure", e);
    } finally {
      services.pluginMetrics().pluginDuration(extensionPoint, plugin, services.nanoClock().getAsLong() - start);
    }
  }

  private SerialTaskQueue queue() {
    if (queue == null) {
      queue = new SerialTaskQueue(services.pluginExecutor(), 100);
    }
    return queue;
  }

  private Optional<EndpointMetadata> servedEndpoint(Map<String, Map<String, Object>> metadata) {
    Map<String, Object> lb = metadata.get(ProtocolKeys.DESTINATION_NAMESPACE);
    Object served = lb == null ? null : lb.get(ProtocolKeys.DESTINATION_ENDPOINT_SERVED);
    if (served == null) {
      return Optional.empty();
    }
    String hostPort = served.toString().trim();
    return targets.stream().filter(t -> t.hostPort().equals(hostPort)).findFirst();
  }
}
