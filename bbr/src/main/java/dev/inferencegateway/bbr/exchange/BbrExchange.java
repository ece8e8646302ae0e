package dev.inferencegateway.bbr.exchange;

import com.google.protobuf.ByteString;
import dev.inferencegateway.bbr.body.BodyParseException;
import dev.inferencegateway.bbr.body.BodyScan;
import dev.inferencegateway.bbr.body.JsonBody;
import dev.inferencegateway.bbr.body.JsonBodyScanner;
import dev.inferencegateway.bbr.config.BbrPluginChain;
import dev.inferencegateway.bbr.metrics.BbrMetrics;
import dev.inferencegateway.bbr.plugin.BbrRequest;
import dev.inferencegateway.bbr.plugin.BbrResponse;
import dev.inferencegateway.bbr.plugin.RequestProcessor;
import dev.inferencegateway.bbr.plugin.RequestVerdict;
import dev.inferencegateway.bbr.plugin.ResponseProcessor;
import dev.inferencegateway.epp.core.request.ErrorCode;
import dev.inferencegateway.epp.core.request.InferenceException;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.extproc.ExchangeHandler;
import dev.inferencegateway.extproc.HeaderChanges;
import dev.inferencegateway.extproc.HttpHeadersView;
import dev.inferencegateway.extproc.RequestContext;
import dev.inferencegateway.extproc.RequestOutcome;
import dev.inferencegateway.extproc.ResponseBodyOutcome;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The BBR logic of one ext_proc stream (one HTTP request and its response). */
final class BbrExchange implements ExchangeHandler {
  private static final Logger LOG = LoggerFactory.getLogger(BbrExchange.class);

  private final BbrPluginChain chain;
  private final JsonBodyScanner scanner;
  private final BbrMetrics metrics;
  private final LongSupplier nanoClock;
  private final CycleState state = new CycleState();
  private BbrResponse response = new BbrResponse(HttpHeadersView.EMPTY);
  private boolean responseEnded;

  BbrExchange(BbrPluginChain chain, JsonBodyScanner scanner, BbrMetrics metrics, LongSupplier nanoClock) {
    this.chain = chain;
    this.scanner = scanner;
    this.metrics = metrics;
    this.nanoClock = nanoClock;
  }

  @Override
  public RequestOutcome onRequest(RequestContext context) {
    response = new BbrResponse(context.headers());
    if (!context.hasBody()) {
      return unchanged(context);
    }
    BodyScan scan;
    try {
      scan = scanner.scan(context.body());
    } catch (BodyParseException e) {
      return reject(new InferenceException(ErrorCode.BAD_REQUEST, "failed to parse request body: " + e.getMessage()));
    }
    JsonBody body = new JsonBody(context.body(), scan);
    BbrRequest request = new BbrRequest(context.headers(), body);
    try {
      for (RequestProcessor processor : chain.requestProcessors()) {
        if (run(processor, request) == RequestVerdict.PASS_THROUGH) {
          return unchanged(context);
        }
      }
    } catch (InferenceException e) {
      return reject(e);
    } catch (RuntimeException e) {
      LOG.warn("a BBR request plugin failed; forwarding the request unchanged", e);
      return unchanged(context);
    }
    response = new BbrResponse(request.headers());
    ByteString forwarded = body.bytes();
    metrics.success();
    return new RequestOutcome.Forward(request.headerChanges(), forwarded, body.mutated(), Map.of());
  }

  @Override
  public HeaderChanges onResponseHeaders(HttpHeadersView headers, Map<String, Map<String, Object>> metadata,
      boolean endOfStream) {
    if (chain.responseProcessors().isEmpty()) {
      return HeaderChanges.NONE;
    }
    response.openHeaders(headers);
    for (ResponseProcessor processor : chain.responseProcessors()) {
      long start = nanoClock.getAsLong();
      processor.processResponseHeaders(state, response);
      metrics.pluginDuration(BbrMetrics.RESPONSE, processor.typedName(), nanoClock.getAsLong() - start);
    }
    return response.closeHeaders();
  }

  @Override
  public ResponseBodyOutcome onResponseBody(ByteString chunk, boolean endOfStream) {
    if (chain.responseProcessors().isEmpty()) {
      return ResponseBodyOutcome.echo(chunk);
    }
    return processResponseChunk(chunk, endOfStream);
  }

  @Override
  public ResponseBodyOutcome onResponseTrailers() {
    if (chain.responseProcessors().isEmpty() || responseEnded) {
      return ResponseBodyOutcome.hold();
    }
    return processResponseChunk(ByteString.EMPTY, true);
  }

  private ResponseBodyOutcome processResponseChunk(ByteString chunk, boolean endOfStream) {
    responseEnded |= endOfStream;
    ByteString data = chunk;
    for (ResponseProcessor processor : chain.responseProcessors()) {
      long start = nanoClock.getAsLong();
      data = processor.processResponseChunk(state, response, data, endOfStream);
      metrics.pluginDuration(BbrMetrics.RESPONSE, processor.typedName(), nanoClock.getAsLong() - start);
    }
    return new ResponseBodyOutcome(data.isEmpty() ? List.of() : List.of(data), Map.of());
  }

  private RequestVerdict run(RequestProcessor processor, BbrRequest request) {
    long start = nanoClock.getAsLong();
    try {
      return processor.processRequest(state, request);
    } finally {
      metrics.pluginDuration(BbrMetrics.REQUEST, processor.typedName(), nanoClock.getAsLong() - start);
    }
  }

  private static RequestOutcome unchanged(RequestContext context) {
    return new RequestOutcome.Forward(HeaderChanges.NONE, context.body(), false, Map.of());
  }

  private static RequestOutcome reject(InferenceException e) {
    return new RequestOutcome.Reject(e.errorCode().httpStatus(), e.responseBody(), HeaderChanges.NONE);
  }
}
