package dev.inferencegateway.bench.gateway;

/** An ext_proc processor that could not be reached, failed the stream or did not answer in time. */
final class ProcessorFailure extends Exception {
  private static final long serialVersionUID = 1L;

  ProcessorFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
