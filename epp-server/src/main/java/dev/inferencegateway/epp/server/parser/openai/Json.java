package dev.inferencegateway.epp.server.parser.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;

/** The shared streaming JSON factory of the OpenAI parser: no trees, no string interning limits below the body limit. */
final class Json {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(Integer.MAX_VALUE)
          .maxNestingDepth(1_000)
          .build())
      .build();

  private Json() {}

  static JsonParser parser(byte[] data, int offset, int length) throws IOException {
    return FACTORY.createParser(data, offset, length);
  }
}
