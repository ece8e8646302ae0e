package dev.inferencegateway.epp.core.request;

/**
 * The error codes of the EPP, each with the HTTP status it maps to in an immediate response.
 *
 * <p>Names follow upstream's {@code errcommon} codes; they appear verbatim in response bodies
 * ({@code inference error: <Code> - <message>}) and in the {@code error_code} metric label.
 */
public enum ErrorCode {
  BAD_REQUEST("BadRequest", 400),
  UNAUTHORIZED("Unauthorized", 401),
  FORBIDDEN("Forbidden", 403),
  NOT_FOUND("NotFound", 404),
  PAYLOAD_TOO_LARGE("PayloadTooLarge", 413),
  RESOURCE_EXHAUSTED("ResourceExhausted", 429),
  INTERNAL("Internal", 500),
  SERVICE_UNAVAILABLE("ServiceUnavailable", 503),
  MODEL_SERVER_ERROR("ModelServerError", 500),
  UNKNOWN("Unknown", 500);

  private final String code;
  private final int httpStatus;

  ErrorCode(String code, int httpStatus) {
    this.code = code;
    this.httpStatus = httpStatus;
  }

  /** Returns the upstream code name, e.g. {@code ResourceExhausted}. */
  public String code() {
    return code;
  }

  /** Returns the HTTP status of the immediate response. */
  public int httpStatus() {
    return httpStatus;
  }
}
