package dev.inferencegateway.epp.server.requestcontrol.servedverifier;

import dev.inferencegateway.epp.core.director.ProtocolKeys;
import dev.inferencegateway.epp.core.plugin.NoParameters;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.request.InferenceResponse;
import dev.inferencegateway.epp.core.requestcontrol.ResponseHeaderProcessor;
import dev.inferencegateway.epp.plugins.NamedPlugin;
import java.util.Map;

/**
 * The {@code destination-endpoint-served-verifier} plugin of upstream's conformance setup: copies
 * the endpoint the proxy reports as served ({@code envoy.lb} / {@code x-gateway-destination-endpoint-served})
 * into the response header {@code x-conformance-test-served-endpoint}.
 */
public final class DestinationEndpointServedVerifier extends NamedPlugin implements ResponseHeaderProcessor {
  /** The registered type name. */
  public static final String TYPE = "destination-endpoint-served-verifier";
  /** The response header carrying the served endpoint. */
  public static final String HEADER = "x-conformance-test-served-endpoint";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<NoParameters> DESCRIPTOR = PluginDescriptor.withoutParameters(
      TYPE, (name, params, handle) -> new DestinationEndpointServedVerifier(name)).build();

  /** Creates the plugin with the given instance name. */
  public DestinationEndpointServedVerifier(String name) {
    super(TYPE, name);
  }

  @Override
  public void responseHeader(InferenceRequest request, InferenceResponse response) {
    if (response.requestMetadata().get(ProtocolKeys.DESTINATION_NAMESPACE) instanceof Map<?, ?> lb
        && lb.get(ProtocolKeys.DESTINATION_ENDPOINT_SERVED) instanceof String served && !served.isBlank()) {
      response.setHeader(HEADER, served);
    }
  }
}
