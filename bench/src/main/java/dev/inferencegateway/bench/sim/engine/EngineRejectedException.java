package dev.inferencegateway.bench.sim.engine;

/** The engine refused a request at submission. */
public final class EngineRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a request was refused. */
  public enum Reason {
    /** The waiting queue holds max-waiting-queue-length requests. */
    QUEUE_FULL,
    /** Prompt plus output need more KV-cache blocks than the engine has. */
    EXCEEDS_KV_CAPACITY
  }

  private final Reason reason;

  EngineRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Why the request was refused. */
  public Reason reason() {
    return reason;
  }
}
