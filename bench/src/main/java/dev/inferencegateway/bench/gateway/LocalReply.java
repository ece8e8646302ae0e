package dev.inferencegateway.bench.gateway;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;

/** A reply the gateway makes itself after an upstream failure, relayed like a model server's response. */
final class LocalReply {
  private LocalReply() {}

  static UpstreamResponse of(GatewayErrors.Reply reply) {
    byte[] body = reply.body();
    Flow.Publisher<List<ByteBuffer>> publisher = subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
      private boolean done;

      @Override
      public void request(long n) {
        if (!done) {
          done = true;
          subscriber.onNext(List.of(ByteBuffer.wrap(body)));
          subscriber.onComplete();
        }
      }

      @Override
      public void cancel() {
        done = true;
      }
    });
    return new UpstreamResponse(null, reply.status(), Map.of("content-type", "application/json"), publisher, false);
  }
}
