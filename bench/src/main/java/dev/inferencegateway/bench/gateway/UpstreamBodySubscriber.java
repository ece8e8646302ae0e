package dev.inferencegateway.bench.gateway;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/** Feeds an upstream response body into the response chain as it arrives, one chunk per network read. */
final class UpstreamBodySubscriber implements Flow.Subscriber<List<ByteBuffer>> {
  private final ResponseSink sink;
  private volatile Flow.Subscription subscription;

  UpstreamBodySubscriber(ResponseSink sink) {
    this.sink = sink;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    ByteString chunk = ByteString.EMPTY;
    for (ByteBuffer buffer : buffers) {
      chunk = chunk.concat(ByteString.copyFrom(buffer));
    }
    sink.chunk(chunk);
    subscription.request(1);
  }

  @Override
  public void onError(Throwable t) {
    sink.fail(new java.io.IOException("the upstream response body failed: " + t, t));
  }

  @Override
  public void onComplete() {
    sink.end();
  }

  /** Stops reading (client gone, timeout); releases the upstream connection. */
  void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
