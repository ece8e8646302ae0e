package dev.inferencegateway.epp.server.parser.openai;

import dev.inferencegateway.epp.core.parser.Parser;
import dev.inferencegateway.epp.core.plugin.NoParameters;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.request.ByteSlice;
import dev.inferencegateway.epp.core.request.RequestBody;
import dev.inferencegateway.epp.core.request.Usage;
import dev.inferencegateway.epp.plugins.NamedPlugin;
import java.util.Map;
import java.util.Optional;

/** The {@code openai-parser} plugin: OpenAI chat completions, completions, responses, conversations and embeddings. */
public final class OpenAiParser extends NamedPlugin implements Parser {
  /** The registered type name. */
  public static final String TYPE = "openai-parser";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<NoParameters> DESCRIPTOR =
      PluginDescriptor.withoutParameters(TYPE, (name, params, handle) -> new OpenAiParser(name)).build();

  /** Creates the parser with the given instance name. */
  public OpenAiParser(String name) {
    super(TYPE, name);
  }

  @Override
  public RequestBody parseRequest(Map<String, String> headers, byte[] body) {
    return OpenAiRequestReader.read(ApiPaths.apiType(headers), body);
  }

  @Override
  public RequestBody withModel(RequestBody body, String model) {
    return ModelFieldRewriter.withModel(body, model);
  }

  @Override
  public Optional<Usage> extractUsage(ByteSlice data, boolean streaming) {
    return streaming
        ? UsageReader.fromEvents(data.array(), data.offset(), data.length())
        : UsageReader.fromBody(data.array(), data.offset(), data.length());
  }
}
