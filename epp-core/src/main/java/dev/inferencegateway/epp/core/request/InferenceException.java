package dev.inferencegateway.epp.core.request;

import java.util.Objects;

/**
 * A request failure with an {@link ErrorCode}; the server turns it into an immediate response
 * whose body is {@link #responseBody()}.
 */
public final class InferenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode errorCode;

  /** Creates an error with the given code and client-facing message. */
  public InferenceException(ErrorCode errorCode, String message) {
    super(message);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
  }

  /** Creates an error with a cause that is logged but never shown to the client. */
  public InferenceException(ErrorCode errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
  }

  /** Returns the error code. */
  public ErrorCode errorCode() {
    return errorCode;
  }

  /** Returns the body sent to the client: {@code inference error: <Code> - <message>}. */
  public String responseBody() {
    return "inference error: " + errorCode.code() + " - " + getMessage();
  }
}
