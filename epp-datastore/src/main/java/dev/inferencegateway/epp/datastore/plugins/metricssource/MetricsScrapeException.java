package dev.inferencegateway.epp.datastore.plugins.metricssource;

/** Thrown when {@code /metrics} of an endpoint cannot be used; the message names the endpoint. */
public final class MetricsScrapeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public MetricsScrapeException(String message, Throwable cause) {
    super(message, cause);
  }
}
