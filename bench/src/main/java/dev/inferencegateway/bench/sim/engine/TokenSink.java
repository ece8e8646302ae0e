package dev.inferencegateway.bench.sim.engine;

/**
 * Receives one generation's progress. Calls come from the engine's clock with the engine locked:
 * implementations must return quickly and never block.
 */
public interface TokenSink {

  /** Output token {@code index} (0-based) is produced. */
  void onToken(int index);

  /** The generation finished normally; no further calls follow. */
  void onComplete(Completion completion);

  /** The generation was aborted (client gone, server killed); no further calls follow. */
  void onAbort(String reason);
}
