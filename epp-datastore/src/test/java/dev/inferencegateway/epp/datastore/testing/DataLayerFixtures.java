package dev.inferencegateway.epp.datastore.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.PluginParameters;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.testing.TestHandles;
import dev.inferencegateway.epp.core.datalayer.DataSource;
import dev.inferencegateway.epp.core.datalayer.Extractor;
import dev.inferencegateway.epp.datastore.collector.DataLayerSource;
import dev.inferencegateway.epp.datastore.plugins.DataLayerPlugins;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Builds data-layer plugins the way the config loader does: descriptor, strict parameters, factory. */
public final class DataLayerFixtures {
  private DataLayerFixtures() {}

  /** Creates the plugin {@code type} named {@code type} from {@code bundle} with JSON {@code parameters}. */
  public static Plugin create(DataLayerPlugins bundle, String type, String parameters) {
    PluginDescriptor<?> descriptor = bundle.descriptors().stream().filter(d -> d.type().equals(type))
        .findFirst().orElseThrow();
    return instantiate(descriptor, type, parameters);
  }

  /** Returns the default source/extractor pair: {@code metrics-data-source} + {@code core-metrics-extractor}. */
  public static DataLayerSource metricsSource(DataLayerPlugins bundle) {
    return new DataLayerSource((DataSource) create(bundle, "metrics-data-source", "{}"),
        List.of((Extractor) create(bundle, "core-metrics-extractor", "{}")));
  }

  private static <P> Plugin instantiate(PluginDescriptor<P> descriptor, String name, String parameters) {
    try {
      JsonNode node = PluginParameters.mapper().readTree(parameters);
      P params = PluginParameters.parse(new TypedName(descriptor.type(), name), node, descriptor.parametersType());
      return descriptor.factory().create(name, params, TestHandles.handle());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
