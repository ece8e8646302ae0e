package dev.inferencegateway.epp.server.parser.passthrough;

import dev.inferencegateway.epp.core.parser.Parser;
import dev.inferencegateway.epp.core.plugin.NoParameters;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.request.ByteSlice;
import dev.inferencegateway.epp.core.request.RequestBody;
import dev.inferencegateway.epp.core.request.Usage;
import dev.inferencegateway.epp.plugins.NamedPlugin;
import java.util.Map;
import java.util.Optional;

/** The {@code passthrough-parser} plugin: forwards any payload untouched, without routing fields. */
public final class PassthroughParser extends NamedPlugin implements Parser {
  /** The registered type name. */
  public static final String TYPE = "passthrough-parser";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<NoParameters> DESCRIPTOR =
      PluginDescriptor.withoutParameters(TYPE, (name, params, handle) -> new PassthroughParser(name)).build();

  /** Creates the parser with the given instance name. */
  public PassthroughParser(String name) {
    super(TYPE, name);
  }

  @Override
  public RequestBody parseRequest(Map<String, String> headers, byte[] body) {
    return RequestBody.opaque(body);
  }

  @Override
  public RequestBody withModel(RequestBody body, String model) {
    return body;
  }

  @Override
  public Optional<Usage> extractUsage(ByteSlice data, boolean streaming) {
    return Optional.empty();
  }
}
