package dev.inferencegateway.epp.datastore.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.PluginRegistry;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.CoreMetricsExtractor;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.DeprecatedMetricFlags;
import dev.inferencegateway.epp.datastore.plugins.metricssource.MetricsDataSource;
import dev.inferencegateway.epp.datastore.plugins.metricssource.ScrapeHttpClient;
import dev.inferencegateway.epp.datastore.plugins.metricssource.ScrapeSettings;
import dev.inferencegateway.epp.datastore.testing.DataLayerFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLayerPluginsTest {

  @Test
  void bundle_registersBothUpstreamTypes() {
    DataLayerPlugins bundle = new DataLayerPlugins();
    PluginRegistry registry = PluginRegistry.of(bundle.descriptors());

    assertThat(bundle.descriptors()).extracting(PluginDescriptor::type)
        .containsExactly("metrics-data-source", "core-metrics-extractor");
    assertThat(registry.find("metrics-data-source")).isPresent();
    assertThat(registry.find("core-metrics-extractor")).isPresent();
  }

  @Test
  void deprecatedScrapeFlags_becomeTheSourceDefaults() {
    try (ScrapeHttpClient http = new ScrapeHttpClient()) {
      DataLayerPlugins bundle = new DataLayerPlugins(new ScrapeSettings("https", "/stats", false),
          DeprecatedMetricFlags.NONE, http);

      MetricsDataSource flagged = (MetricsDataSource) DataLayerFixtures.create(bundle, "metrics-data-source", "{}");
      MetricsDataSource explicit = (MetricsDataSource) DataLayerFixtures.create(bundle, "metrics-data-source",
          "{\"path\": \"/metrics\"}");

      assertThat(flagged.settings()).isEqualTo(new ScrapeSettings("https", "/stats", false));
      assertThat(explicit.settings()).isEqualTo(new ScrapeSettings("https", "/metrics", false));
    }
  }

  @Test
  void extractor_isBuiltWithTheBuiltInEngines() {
    CoreMetricsExtractor extractor = (CoreMetricsExtractor) DataLayerFixtures.create(new DataLayerPlugins(),
        "core-metrics-extractor", "{\"engineLabelKey\": \"llm-d.ai/engine-type\"}");

    assertThat(extractor.engines()).isEqualTo(List.of("vllm", "sglang", "trtllm-serve", "triton-tensorrt-llm"));
    assertThat(extractor.typedName().name()).isEqualTo("core-metrics-extractor");
  }
}
