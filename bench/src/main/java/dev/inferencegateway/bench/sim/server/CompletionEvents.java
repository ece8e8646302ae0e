package dev.inferencegateway.bench.sim.server;

import dev.inferencegateway.bench.sim.engine.Completion;
import dev.inferencegateway.bench.sim.engine.TokenSink;
import java.util.concurrent.LinkedBlockingQueue;

/** Hands one generation's engine events to the HTTP handler thread that writes them out. */
final class CompletionEvents implements TokenSink {
  /** One engine event. */
  sealed interface Event {}

  /** Output token {@code index} is produced. */
  record Token(int index) implements Event {}

  /** The generation finished. */
  record Done(Completion completion) implements Event {}

  /** The generation was aborted. */
  record Aborted(String reason) implements Event {}

  private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();

  @Override
  public void onToken(int index) {
    queue.add(new Token(index));
  }

  @Override
  public void onComplete(Completion completion) {
    queue.add(new Done(completion));
  }

  @Override
  public void onAbort(String reason) {
    queue.add(new Aborted(reason));
  }

  /** Waits for the next event. */
  Event next() throws InterruptedException {
    return queue.take();
  }
}
