/** The data-layer plugin bundle: {@code metrics-data-source} and {@code core-metrics-extractor}. */
package dev.inferencegateway.epp.datastore.plugins;
