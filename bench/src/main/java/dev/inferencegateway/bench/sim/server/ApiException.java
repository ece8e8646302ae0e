package dev.inferencegateway.bench.sim.server;

/** A request that gets an OpenAI-style error response instead of a completion. */
final class ApiException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String param;

  ApiException(int status, String type, String message, String param) {
    super(message);
    this.status = status;
    this.type = type;
    this.param = param;
  }

  static ApiException badRequest(String message, String param) {
    return new ApiException(400, "BadRequestError", message, param);
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }

  String param() {
    return param;
  }
}
