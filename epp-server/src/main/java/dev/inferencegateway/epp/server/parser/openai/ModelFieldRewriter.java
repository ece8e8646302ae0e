package dev.inferencegateway.epp.server.parser.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.inferencegateway.epp.core.request.ByteSlice;
import dev.inferencegateway.epp.core.request.RequestBody;
import java.io.IOException;
import java.util.Optional;

/**
 * Replaces the top-level {@code model} value of a JSON body by splicing the new string into the
 * original bytes: every other byte of the body is kept as received, and nothing is re-serialised.
 */
final class ModelFieldRewriter {
  private ModelFieldRewriter() {}

  static RequestBody withModel(RequestBody body, String model) {
    if (body.model().filter(model::equals).isPresent()) {
      return body;
    }
    ByteSlice raw = body.raw();
    int[] range = modelValueRange(raw);
    byte[] quoted = quote(model);
    byte[] rewritten = new byte[raw.length() - (range[1] - range[0]) + quoted.length];
    int head = range[0] - raw.offset();
    System.arraycopy(raw.array(), raw.offset(), rewritten, 0, head);
    System.arraycopy(quoted, 0, rewritten, head, quoted.length);
    int tail = raw.offset() + raw.length() - range[1];
    System.arraycopy(raw.array(), range[1], rewritten, head + quoted.length, tail);
    return new RequestBody(body.apiType(), ByteSlice.of(rewritten), Optional.of(model), body.stream(),
        body.cacheSalt(), relocate(body.promptBytes(), raw, range, rewritten, quoted.length));
  }

  /** Returns {start, end} (absolute offsets in the raw array) of the last top-level model string value. */
  private static int[] modelValueRange(ByteSlice raw) {
    int[] range = null;
    try (JsonParser p = Json.parser(raw.array(), raw.offset(), raw.length())) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("model") && value == JsonToken.VALUE_STRING) {
          RawValue position = RawValue.read(p, value);
          range = new int[] {raw.offset() + position.start(), raw.offset() + position.end()};
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("a parsed body failed to re-read", e);
    }
    if (range == null) {
      throw new IllegalStateException("the body has no top-level model string to rewrite");
    }
    return range;
  }

  private static ByteSlice relocate(ByteSlice prompt, ByteSlice raw, int[] range, byte[] rewritten, int newLength) {
    if (prompt.array() != raw.array()) {
      return prompt;
    }
    int offset = prompt.offset() - raw.offset();
    if (prompt.offset() >= range[1]) {
      offset += newLength - (range[1] - range[0]);
    }
    return new ByteSlice(rewritten, offset, prompt.length());
  }

  private static byte[] quote(String model) {
    byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(model);
    byte[] quoted = new byte[escaped.length + 2];
    quoted[0] = '"';
    System.arraycopy(escaped, 0, quoted, 1, escaped.length);
    quoted[quoted.length - 1] = '"';
    return quoted;
  }
}
