package dev.inferencegateway.bench.gateway;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The last sink of the response chain: chunks queue here and the client's thread writes and
 * flushes each one as it comes, so SSE events reach the client as the model server sends them.
 */
final class ClientBodyQueue implements ResponseSink {
  private static final Object END = new Object();
  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();

  /** Why the body could not be delivered completely. */
  static final class Incomplete extends IOException {
    private static final long serialVersionUID = 1L;

    Incomplete(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Override
  public void chunk(ByteString chunk) {
    if (!chunk.isEmpty()) {
      queue.add(chunk);
    }
  }

  @Override
  public void end() {
    queue.add(END);
  }

  @Override
  public void fail(Throwable cause) {
    queue.add(cause);
  }

  /**
   * Writes chunks to {@code out} until the end, flushing after each.
   *
   * @throws Incomplete when a processor or the upstream failed, or the deadline passed
   * @throws IOException when the client went away
   */
  long drainTo(OutputStream out, long deadlineNanos) throws IOException, InterruptedException {
    long written = 0;
    while (true) {
      long remaining = deadlineNanos - System.nanoTime();
      Object next = remaining <= 0 ? null : queue.poll(remaining, TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new Incomplete("the response did not complete before the request timeout", null);
      }
      if (next == END) {
        return written;
      }
      if (next instanceof Throwable failure) {
        throw new Incomplete(failure.getMessage(), failure);
      }
      ByteString chunk = (ByteString) next;
      chunk.writeTo(out);
      out.flush();
      written += chunk.size();
    }
  }
}
