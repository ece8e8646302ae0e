package dev.inferencegateway.epp.datastore.plugins;

import dev.inferencegateway.epp.core.plugin.PluginBundle;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.CoreMetricsExtractor;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.DeprecatedMetricFlags;
import dev.inferencegateway.epp.datastore.plugins.metricssource.MetricsDataSource;
import dev.inferencegateway.epp.datastore.plugins.metricssource.ScrapeHttpClient;
import dev.inferencegateway.epp.datastore.plugins.metricssource.ScrapeSettings;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The data-layer plugins of this module: {@code metrics-data-source} and
 * {@code core-metrics-extractor}.
 *
 * <p>The server passes what its deprecated flags say: the scrape defaults
 * ({@code --model-server-metrics-scheme/-path/-https-insecure-skip-verify}) and the metric-name
 * overrides ({@code --total-queued-requests-metric} and friends).
 */
public final class DataLayerPlugins implements PluginBundle {
  private final List<PluginDescriptor<?>> descriptors;

  /** Creates the bundle with upstream's defaults and the process-wide scrape client. */
  public DataLayerPlugins() {
    this(ScrapeSettings.DEFAULTS, DeprecatedMetricFlags.NONE, ScrapeHttpClient.shared());
  }

  /**
   * Creates the bundle.
   *
   * @param scrapeDefaults defaults for {@code metrics-data-source} parameters
   * @param metricFlags deprecated metric-name flags for {@code core-metrics-extractor}
   * @param http the shared scrape client
   */
  public DataLayerPlugins(ScrapeSettings scrapeDefaults, DeprecatedMetricFlags metricFlags, ScrapeHttpClient http) {
    Objects.requireNonNull(scrapeDefaults, "scrapeDefaults");
    Objects.requireNonNull(metricFlags, "metricFlags");
    Objects.requireNonNull(http, "http");
    this.descriptors = List.of(
        MetricsDataSource.descriptor(scrapeDefaults, http),
        CoreMetricsExtractor.descriptor(metricFlags, new AtomicBoolean()));
  }

  @Override
  public List<PluginDescriptor<?>> descriptors() {
    return descriptors;
  }
}
