package dev.inferencegateway.bbr.body;

/** Thrown when a request body is not a single JSON object; the message says why and where. */
public final class BodyParseException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a client-facing reason. */
  public BodyParseException(String reason) {
    super(reason);
  }
}
