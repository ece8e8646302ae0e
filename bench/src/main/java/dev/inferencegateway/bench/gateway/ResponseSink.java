package dev.inferencegateway.bench.gateway;

import com.google.protobuf.ByteString;

/** Where response body chunks go next: a processor's stream or the client. Called in order, from one thread at a time. */
interface ResponseSink {
  /** Passes one chunk on. */
  void chunk(ByteString chunk);

  /** Marks the end of the body. */
  void end();

  /** Aborts the body. */
  void fail(Throwable cause);
}
