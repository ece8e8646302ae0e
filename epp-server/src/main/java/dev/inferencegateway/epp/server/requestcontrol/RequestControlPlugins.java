package dev.inferencegateway.epp.server.requestcontrol;

import dev.inferencegateway.epp.core.plugin.PluginBundle;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.server.requestcontrol.servedverifier.DestinationEndpointServedVerifier;
import java.util.List;

/** The request-control plugins of the server module: {@code destination-endpoint-served-verifier}. */
public final class RequestControlPlugins implements PluginBundle {
  @Override
  public List<PluginDescriptor<?>> descriptors() {
    return List.of(DestinationEndpointServedVerifier.DESCRIPTOR);
  }
}
