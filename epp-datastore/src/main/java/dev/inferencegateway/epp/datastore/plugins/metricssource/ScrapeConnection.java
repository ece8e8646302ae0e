package dev.inferencegateway.epp.datastore.plugins.metricssource;

/** An open scrape connection that {@link ScrapeHttpClient} tracks and can close. */
interface ScrapeConnection extends AutoCloseable {
  /** Returns whether the connection is closed. */
  boolean isClosed();

  /** Closes the connection; idempotent and safe from any thread. */
  @Override
  void close();
}
