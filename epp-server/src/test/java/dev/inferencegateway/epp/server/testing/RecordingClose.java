package dev.inferencegateway.epp.server.testing;

import com.google.protobuf.ByteString;
import dev.inferencegateway.extproc.CloseReason;
import dev.inferencegateway.extproc.ExchangeHandler;
import dev.inferencegateway.extproc.HeaderChanges;
import dev.inferencegateway.extproc.HttpHeadersView;
import dev.inferencegateway.extproc.RequestContext;
import dev.inferencegateway.extproc.RequestOutcome;
import dev.inferencegateway.extproc.ResponseBodyOutcome;
import java.util.List;
import java.util.Map;

/** Delegates to a handler and records how its stream closed. */
final class RecordingClose implements ExchangeHandler {
  private final ExchangeHandler delegate;
  private final List<CloseReason> closes;

  RecordingClose(ExchangeHandler delegate, List<CloseReason> closes) {
    this.delegate = delegate;
    this.closes = closes;
  }

  @Override
  public RequestOutcome onRequest(RequestContext request) {
    return delegate.onRequest(request);
  }

  @Override
  public HeaderChanges onResponseHeaders(HttpHeadersView headers, Map<String, Map<String, Object>> metadata,
      boolean endOfStream) {
    return delegate.onResponseHeaders(headers, metadata, endOfStream);
  }

  @Override
  public ResponseBodyOutcome onResponseBody(ByteString chunk, boolean endOfStream) {
    return delegate.onResponseBody(chunk, endOfStream);
  }

  @Override
  public ResponseBodyOutcome onResponseTrailers() {
    return delegate.onResponseTrailers();
  }

  @Override
  public void onClose(CloseReason reason) {
    delegate.onClose(reason);
    closes.add(reason);
  }
}
