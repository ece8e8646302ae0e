package dev.inferencegateway.epp.server;

import dev.inferencegateway.epp.datastore.plugins.DataLayerPlugins;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.DeprecatedMetricFlags;
import dev.inferencegateway.epp.datastore.plugins.metricssource.ScrapeHttpClient;
import dev.inferencegateway.epp.datastore.plugins.metricssource.ScrapeSettings;
import dev.inferencegateway.epp.server.cli.EppOptions;
import dev.inferencegateway.epp.server.cli.UsageException;
import java.util.List;

/**
 * Hands the deprecated data-layer flags to the data-layer plugins: the scrape defaults
 * ({@code --model-server-metrics-scheme/-path/-https-insecure-skip-verify}) and the metric-name
 * flags, which (reference decision 6) replace the default engine's specs with one warning.
 */
final class DataLayerFlags {
  private DataLayerFlags() {}

  static DataLayerPlugins plugins(EppOptions o) {
    try {
      return new DataLayerPlugins(
          new ScrapeSettings(o.modelServerMetricsScheme, o.modelServerMetricsPath, o.modelServerMetricsInsecureSkipVerify),
          new DeprecatedMetricFlags(o.totalQueuedRequestsMetric, o.totalRunningRequestsMetric,
              o.kvCacheUsagePercentageMetric, o.loraInfoMetric, o.cacheInfoMetric),
          ScrapeHttpClient.shared());
    } catch (IllegalArgumentException e) {
      throw new UsageException(List.of(e.getMessage()));
    }
  }
}
