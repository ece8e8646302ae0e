package dev.inferencegateway.epp.core.datalayer;

import dev.inferencegateway.epp.core.plugin.Plugin;

/** A plugin that turns a {@link DataSource}'s raw data into endpoint metrics or attributes. */
public interface Extractor extends Plugin {
  /** Returns the type of data this extractor accepts. */
  Class<?> inputType();
}
