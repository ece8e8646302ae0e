package dev.inferencegateway.epp.server.parser;

import dev.inferencegateway.epp.core.plugin.PluginBundle;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.server.parser.openai.OpenAiParser;
import dev.inferencegateway.epp.server.parser.passthrough.PassthroughParser;
import java.util.List;

/** The request parsers of the EPP: {@code openai-parser} and {@code passthrough-parser}. */
public final class ParserPlugins implements PluginBundle {
  @Override
  public List<PluginDescriptor<?>> descriptors() {
    return List.of(OpenAiParser.DESCRIPTOR, PassthroughParser.DESCRIPTOR);
  }
}
