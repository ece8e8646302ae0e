package dev.inferencegateway.epp.datastore.plugins.metricssource;

import dev.inferencegateway.epp.core.datalayer.Extractor;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.datastore.collector.EndpointPoller;
import dev.inferencegateway.epp.datastore.collector.PollingDataSource;
import dev.inferencegateway.epp.datastore.prometheus.FamilySelection;
import dev.inferencegateway.epp.datastore.prometheus.MetricFamilies;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The {@code metrics-data-source} plugin: scrapes each endpoint's Prometheus {@code /metrics}. */
public final class MetricsDataSource implements PollingDataSource {
  /** The upstream type name. */
  public static final String TYPE = "metrics-data-source";

  private final TypedName typedName;
  private final ScrapeSettings settings;
  private final ScrapeHttpClient http;

  /** Creates the source. */
  public MetricsDataSource(TypedName typedName, ScrapeSettings settings, ScrapeHttpClient http) {
    this.typedName = Objects.requireNonNull(typedName, "typedName");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = Objects.requireNonNull(http, "http");
  }

  /** Returns the descriptor; absent parameters default to {@code defaults}. */
  public static PluginDescriptor<MetricsDataSourceParameters> descriptor(ScrapeSettings defaults,
      ScrapeHttpClient http) {
    return PluginDescriptor.builder(TYPE, MetricsDataSourceParameters.class,
        (name, params, handle) -> new MetricsDataSource(new TypedName(TYPE, name), params.resolve(defaults), http))
        .build();
  }

  /** Returns the effective scheme, path and TLS setting. */
  public ScrapeSettings settings() {
    return settings;
  }

  @Override
  public TypedName typedName() {
    return typedName;
  }

  @Override
  public Class<?> outputType() {
    return MetricFamilies.class;
  }

  @Override
  public EndpointPoller newPoller(EndpointMetadata endpoint, List<Extractor> extractors) {
    String url = settings.scheme() + "://" + endpoint.metricsHost() + settings.path();
    if (settings.scheme().equals("http")) {
      return new AsyncMetricsPoller(http, url, endpoint.name(), selectionFor(extractors));
    }
    return new MetricsPoller(http, settings.insecureSkipVerify(), url, endpoint.name(),
        selectionFor(extractors));
  }

  static FamilySelection selectionFor(List<Extractor> extractors) {
    Set<String> names = new LinkedHashSet<>();
    for (Extractor extractor : extractors) {
      if (!(extractor instanceof MetricFamilyConsumer consumer)) {
        return FamilySelection.all();
      }
      names.addAll(consumer.metricFamilies());
    }
    return FamilySelection.of(names);
  }
}
