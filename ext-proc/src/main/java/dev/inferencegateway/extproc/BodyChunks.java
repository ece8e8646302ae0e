package dev.inferencegateway.extproc;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;

/** Splits bodies into the chunks sent back to Envoy as {@code streamed_response} messages. */
public final class BodyChunks {
  /** The largest chunk sent in one message, as upstream ({@code BodyByteLimit}). */
  public static final int MAX_CHUNK_BYTES = 62_000;

  private BodyChunks() {}

  /** Splits {@code body} into chunks of at most {@link #MAX_CHUNK_BYTES}; an empty body gives one empty chunk. */
  public static List<ByteString> split(ByteString body) {
    if (body.size() <= MAX_CHUNK_BYTES) {
      return List.of(body);
    }
    List<ByteString> chunks = new ArrayList<>(body.size() / MAX_CHUNK_BYTES + 1);
    for (int start = 0; start < body.size(); start += MAX_CHUNK_BYTES) {
      chunks.add(body.substring(start, Math.min(body.size(), start + MAX_CHUNK_BYTES)));
    }
    return chunks;
  }
}
