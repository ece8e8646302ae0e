package dev.inferencegateway.epp.datastore.collector;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.epp.core.datalayer.DataSource;
import dev.inferencegateway.epp.core.datalayer.Extractor;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.datastore.plugins.DataLayerPlugins;
import dev.inferencegateway.epp.datastore.testing.DataLayerFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLayerSourceTest {
  private final DataLayerPlugins plugins = new DataLayerPlugins();

  @Test
  void sourceThatCannotBePolled_isRejected() {
    DataSource notPolled = new DataSource() {
      @Override
      public TypedName typedName() {
        return new TypedName("k8s-notification-source", "pods");
      }

      @Override
      public Class<?> outputType() {
        return Object.class;
      }
    };

    assertThatThrownBy(() -> new DataLayerSource(notPolled, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("data source pods (type: k8s-notification-source) cannot be polled by the metrics collector");
  }

  @Test
  void extractorOfAnotherInputType_isRejected() {
    DataSource source = (DataSource) DataLayerFixtures.create(plugins, "metrics-data-source", "{}");
    Extractor wrong = new MetricsExtractor() {
      @Override
      public TypedName typedName() {
        return TypedName.of("json-extractor");
      }

      @Override
      public Class<?> inputType() {
        return String.class;
      }

      @Override
      public Extraction extract(Object data, dev.inferencegateway.epp.core.endpoint.EndpointMetadata endpoint,
          dev.inferencegateway.epp.core.endpoint.ModelServerMetrics current, java.time.Instant now) {
        return new Extraction(current, false, List.of());
      }
    };

    assertThatThrownBy(() -> new DataLayerSource(source, List.of(wrong)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("extractor json-extractor expects String but data source metrics-data-source produces MetricFamilies");
  }
}
