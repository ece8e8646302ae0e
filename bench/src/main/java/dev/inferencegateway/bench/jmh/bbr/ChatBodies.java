package dev.inferencegateway.bench.jmh.bbr;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;

/** Builds OpenAI chat bodies of a given size, arriving in chunks as Envoy sends them. */
final class ChatBodies {
  /** The chunk size in which the engine receives bodies (Envoy's usual 16 KiB). */
  static final int CHUNK_BYTES = 16_384;

  private ChatBodies() {}

  /** Returns a chat body of about {@code bytes} bytes with {@code model} first or last. */
  static String chat(String model, int bytes, boolean modelFirst) {
    StringBuilder body = new StringBuilder(bytes + 256).append('{');
    if (modelFirst) {
      body.append("\"model\":\"").append(model).append("\",");
    }
    body.append("\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"}");
    int i = 0;
    while (body.length() < bytes - 80) {
      body.append(",{\"role\":\"").append(i % 2 == 0 ? "user" : "assistant")
          .append("\",\"content\":\"Turn ").append(i)
          .append(": tell me about \\\"ski resorts\\\" near Zermatt, pr\\u00e8s-ski included.\"}");
      i++;
    }
    body.append("],\"max_tokens\":128,\"stream\":true");
    if (!modelFirst) {
      body.append(",\"model\":\"").append(model).append('"');
    }
    return body.append('}').toString();
  }

  /** Returns {@code text} as the engine holds it: the concatenation of the received chunks. */
  static ByteString asReceived(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteString body = ByteString.EMPTY;
    for (int start = 0; start < bytes.length; start += CHUNK_BYTES) {
      body = body.concat(ByteString.copyFrom(bytes, start, Math.min(CHUNK_BYTES, bytes.length - start)));
    }
    return body;
  }
}
