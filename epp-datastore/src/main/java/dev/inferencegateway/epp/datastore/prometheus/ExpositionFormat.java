package dev.inferencegateway.epp.datastore.prometheus;

import java.util.Locale;

/** The text exposition dialect, which decides how sample timestamps are read. */
public enum ExpositionFormat {
  /** Prometheus text format 0.0.4 / 1.0.0: timestamps are integer milliseconds. */
  PROMETHEUS_TEXT,
  /** OpenMetrics 1.0 text: timestamps are (possibly fractional) seconds. */
  OPEN_METRICS;

  /** Returns the dialect announced by an HTTP {@code Content-Type} header (null means text). */
  public static ExpositionFormat fromContentType(String contentType) {
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/openmetrics-text")
        ? OPEN_METRICS : PROMETHEUS_TEXT;
  }
}
