package dev.inferencegateway.epp.core.datalayer;

import dev.inferencegateway.epp.core.plugin.Plugin;

/**
 * A plugin that gathers raw data about endpoints (for example by scraping {@code /metrics}); its
 * output is handed to the {@link Extractor}s configured under it in {@code dataLayer.sources}.
 */
public interface DataSource extends Plugin {
  /** Returns the type of data this source produces; extractors must accept it. */
  Class<?> outputType();
}
