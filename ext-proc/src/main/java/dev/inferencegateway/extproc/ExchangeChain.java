package dev.inferencegateway.extproc;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs several {@link ExchangeHandler}s as stages of one ext_proc stream, for example the
 * Body-Based Router in front of the Endpoint Picker.
 *
 * <p>On the request, stages run in order: each sees the headers as changed by the stages before
 * it and their body; a rejection stops the chain; header changes and dynamic metadata are merged
 * (later stages win). On the response, stages run in reverse order (the stage nearest the model
 * server first), each receiving what the previous one emitted.
 */
public final class ExchangeChain implements ExchangeHandler {
  private final List<ExchangeHandler> stages;

  private ExchangeChain(List<ExchangeHandler> stages) {
    this.stages = List.copyOf(stages);
  }

  /** Returns a factory whose exchanges run one handler of each factory, in order. */
  public static ExchangeHandlerFactory of(List<ExchangeHandlerFactory> factories) {
    if (factories.isEmpty()) {
      throw new IllegalArgumentException("an exchange chain needs at least one stage");
    }
    List<ExchangeHandlerFactory> copy = List.copyOf(factories);
    return () -> new ExchangeChain(copy.stream().map(ExchangeHandlerFactory::newExchange).toList());
  }

  @Override
  public RequestOutcome onRequest(RequestContext request) {
    HeaderChanges changes = HeaderChanges.NONE;
    Map<String, Map<String, Object>> metadata = new LinkedHashMap<>();
    ByteString body = request.body();
    boolean bodyChanged = false;
    RequestContext current = request;
    for (ExchangeHandler stage : stages) {
      RequestOutcome outcome = stage.onRequest(current);
      if (outcome instanceof RequestOutcome.Reject reject) {
        return reject;
      }
      RequestOutcome.Forward forward = (RequestOutcome.Forward) outcome;
      changes = changes.plus(forward.headers());
      forward.dynamicMetadata().forEach((ns, values) ->
          metadata.computeIfAbsent(ns, n -> new LinkedHashMap<>()).putAll(values));
      body = forward.body();
      bodyChanged |= forward.bodyChanged();
      current = new RequestContext(applied(current.headers(), forward.headers()), body,
          current.hasBody(), current.metadata(), current.mode());
    }
    return new RequestOutcome.Forward(changes, body, bodyChanged, metadata);
  }

  @Override
  public HeaderChanges onResponseHeaders(HttpHeadersView headers,
      Map<String, Map<String, Object>> metadata, boolean endOfStream) {
    HeaderChanges changes = HeaderChanges.NONE;
    HttpHeadersView current = headers;
    for (int i = stages.size() - 1; i >= 0; i--) {
      HeaderChanges stageChanges = stages.get(i).onResponseHeaders(current, metadata, endOfStream);
      changes = changes.plus(stageChanges);
      current = applied(current, stageChanges);
    }
    return changes;
  }

  @Override
  public ResponseBodyOutcome onResponseBody(ByteString chunk, boolean endOfStream) {
    List<ByteString> pending = List.of(chunk);
    Map<String, Map<String, Object>> metadata = new LinkedHashMap<>();
    for (int i = stages.size() - 1; i >= 0; i--) {
      ExchangeHandler stage = stages.get(i);
      List<ByteString> emitted = new ArrayList<>();
      if (pending.isEmpty() && endOfStream) {
        pending = List.of(ByteString.EMPTY);
      }
      for (int j = 0; j < pending.size(); j++) {
        ResponseBodyOutcome outcome = stage.onResponseBody(pending.get(j), endOfStream && j == pending.size() - 1);
        emitted.addAll(outcome.emit());
        outcome.dynamicMetadata().forEach((ns, values) ->
            metadata.computeIfAbsent(ns, n -> new LinkedHashMap<>()).putAll(values));
      }
      pending = emitted;
    }
    return new ResponseBodyOutcome(pending, metadata);
  }

  @Override
  public ResponseBodyOutcome onResponseTrailers() {
    List<ByteString> pending = List.of();
    Map<String, Map<String, Object>> metadata = new LinkedHashMap<>();
    for (int i = stages.size() - 1; i >= 0; i--) {
      ExchangeHandler stage = stages.get(i);
      List<ByteString> emitted = new ArrayList<>();
      for (ByteString chunk : pending) {
        ResponseBodyOutcome outcome = stage.onResponseBody(chunk, false);
        emitted.addAll(outcome.emit());
        merge(metadata, outcome.dynamicMetadata());
      }
      ResponseBodyOutcome flushed = stage.onResponseTrailers();
      emitted.addAll(flushed.emit());
      merge(metadata, flushed.dynamicMetadata());
      pending = emitted;
    }
    return new ResponseBodyOutcome(pending, metadata);
  }

  private static void merge(Map<String, Map<String, Object>> into, Map<String, Map<String, Object>> from) {
    from.forEach((ns, values) -> into.computeIfAbsent(ns, n -> new LinkedHashMap<>()).putAll(values));
  }

  @Override
  public void onClose(CloseReason reason) {
    RuntimeException first = null;
    for (ExchangeHandler stage : stages) {
      try {
        stage.onClose(reason);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static HttpHeadersView applied(HttpHeadersView headers, HeaderChanges changes) {
    if (changes.isEmpty()) {
      return headers;
    }
    Map<String, String> values = new LinkedHashMap<>(headers.asMap());
    changes.remove().forEach(name -> values.remove(name.toLowerCase(java.util.Locale.ROOT)));
    changes.set().forEach((k, v) -> values.put(k.toLowerCase(java.util.Locale.ROOT), v));
    return HttpHeadersView.of(values);
  }
}
