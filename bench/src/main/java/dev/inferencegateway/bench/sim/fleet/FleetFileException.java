package dev.inferencegateway.bench.sim.fleet;

/** A fleet file that cannot be read; the message names the file, the field and the reason. */
public final class FleetFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  FleetFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
