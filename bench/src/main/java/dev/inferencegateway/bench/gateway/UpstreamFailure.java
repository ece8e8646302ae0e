package dev.inferencegateway.bench.gateway;

/**
 * The request could not be forwarded: every endpoint refused the connection, the upstream reset
 * before its response headers, or it timed out. Carries the status Envoy would answer with.
 */
final class UpstreamFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  UpstreamFailure(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  int status() {
    return status;
  }
}
