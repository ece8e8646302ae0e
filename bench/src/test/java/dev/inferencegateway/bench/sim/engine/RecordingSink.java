package dev.inferencegateway.bench.sim.engine;

import java.util.ArrayList;
import java.util.List;

/** A sink that records what the engine reports, for assertions. */
final class RecordingSink implements TokenSink {
  final List<Integer> tokens = new ArrayList<>();
  Completion completion;
  String abortReason;

  @Override
  public void onToken(int index) {
    tokens.add(index);
  }

  @Override
  public void onComplete(Completion completion) {
    this.completion = completion;
  }

  @Override
  public void onAbort(String reason) {
    this.abortReason = reason;
  }

  boolean done() {
    return completion != null || abortReason != null;
  }
}
