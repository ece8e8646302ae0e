package dev.inferencegateway.epp.datastore.prometheus;

/** Thrown when an exposition is malformed; the message names the line and what is wrong with it. */
public final class PrometheusParseException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int lineNumber;
  private final String reason;

  /** Creates the exception for line {@code lineNumber} (1-based). */
  public PrometheusParseException(int lineNumber, String reason, String excerpt) {
    super("line " + lineNumber + ": " + reason + (excerpt.isEmpty() ? "" : " in \"" + excerpt + "\""));
    this.lineNumber = lineNumber;
    this.reason = reason;
  }

  /** Returns the 1-based number of the offending line. */
  public int lineNumber() {
    return lineNumber;
  }

  /** Returns what is wrong, without the line excerpt. */
  public String reason() {
    return reason;
  }
}
