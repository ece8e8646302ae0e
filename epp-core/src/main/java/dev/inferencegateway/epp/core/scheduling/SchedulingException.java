package dev.inferencegateway.epp.core.scheduling;

/** Thrown when a scheduling cycle produces no usable result. */
public final class SchedulingException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a client-safe message. */
  public SchedulingException(String message) {
    super(message);
  }
}
