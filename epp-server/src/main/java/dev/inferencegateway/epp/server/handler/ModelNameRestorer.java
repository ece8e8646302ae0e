package dev.inferencegateway.epp.server.handler;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Rewrites the target model back to the name the client asked for in response bytes: every
 * {@code "model":"<target>"} and {@code "model": "<target>"} becomes the client's model.
 */
final class ModelNameRestorer {
  private final byte[][] patterns;
  private final byte[][] replacements;

  ModelNameRestorer(String targetModel, String incomingModel) {
    String target = new String(JsonStringEncoder.getInstance().quoteAsString(targetModel));
    String incoming = new String(JsonStringEncoder.getInstance().quoteAsString(incomingModel));
    this.patterns = new byte[][] {
        ("\"model\":\"" + target + "\"").getBytes(StandardCharsets.UTF_8),
        ("\"model\": \"" + target + "\"").getBytes(StandardCharsets.UTF_8)};
    this.replacements = new byte[][] {
        ("\"model\":\"" + incoming + "\"").getBytes(StandardCharsets.UTF_8),
        ("\"model\": \"" + incoming + "\"").getBytes(StandardCharsets.UTF_8)};
  }

  /** Returns the bytes with the target model replaced; the same instance when nothing matched. */
  ByteString restore(ByteString data) {
    if (data.isEmpty()) {
      return data;
    }
    byte[] bytes = data.toByteArray();
    ByteArrayOutputStream out = null;
    int copied = 0;
    int i = 0;
    while (i < bytes.length) {
      int matched = matchAt(bytes, i);
      if (matched < 0) {
        i++;
        continue;
      }
      if (out == null) {
        out = new ByteArrayOutputStream(bytes.length + 32);
      }
      out.write(bytes, copied, i - copied);
      out.writeBytes(replacements[matched]);
      i += patterns[matched].length;
      copied = i;
    }
    if (out == null) {
      return data;
    }
    out.write(bytes, copied, bytes.length - copied);
    return UnsafeByteOperations.unsafeWrap(out.toByteArray());
  }

  private int matchAt(byte[] bytes, int at) {
    if (bytes[at] != '"') {
      return -1;
    }
    outer:
    for (int p = 0; p < patterns.length; p++) {
      byte[] pattern = patterns[p];
      if (at + pattern.length > bytes.length) {
        continue;
      }
      for (int j = 1; j < pattern.length; j++) {
        if (bytes[at + j] != pattern[j]) {
          continue outer;
        }
      }
      return p;
    }
    return -1;
  }
}
