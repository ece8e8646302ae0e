package dev.inferencegateway.epp.server.parser.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.inferencegateway.epp.core.request.ByteSlice;
import java.io.IOException;

/**
 * The position of one JSON value inside the body, read by the streaming parser without
 * materialising it.
 *
 * @param kind the first token of the value
 * @param start the offset of its first byte
 * @param end the offset after its last byte
 * @param empty true for {@code ""}, {@code []}, {@code {}} and {@code null}
 */
record RawValue(JsonToken kind, int start, int end, boolean empty) {

  /** Reads the value whose first token the parser is on, leaving the parser on its last token. */
  static RawValue read(JsonParser p, JsonToken token) throws IOException {
    int start = (int) p.currentTokenLocation().getByteOffset();
    boolean empty;
    switch (token) {
      case START_ARRAY -> {
        empty = p.nextToken() == JsonToken.END_ARRAY;
        if (!empty) {
          do {
            p.skipChildren();
          } while (p.nextToken() != JsonToken.END_ARRAY);
        }
      }
      case START_OBJECT -> {
        empty = p.nextToken() == JsonToken.END_OBJECT;
        if (!empty) {
          do {
            p.nextToken();
            p.skipChildren();
          } while (p.nextToken() == JsonToken.FIELD_NAME);
        }
      }
      case VALUE_STRING -> {
        p.finishToken();
        empty = p.getTextLength() == 0;
      }
      default -> empty = token == JsonToken.VALUE_NULL;
    }
    return new RawValue(token, start, (int) p.currentLocation().getByteOffset(), empty);
  }

  boolean isNonEmptyArray() {
    return kind == JsonToken.START_ARRAY && !empty;
  }

  boolean isNonEmptyStringOrArray() {
    return (kind == JsonToken.START_ARRAY || kind == JsonToken.VALUE_STRING) && !empty;
  }

  ByteSlice slice(byte[] body) {
    return new ByteSlice(body, start, end - start);
  }
}
