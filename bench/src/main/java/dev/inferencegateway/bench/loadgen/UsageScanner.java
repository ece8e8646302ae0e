package dev.inferencegateway.bench.loadgen;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps the tail of a response body and finds {@code usage.completion_tokens} in it (JSON or the last SSE events). */
final class UsageScanner {
  private static final Pattern COMPLETION_TOKENS = Pattern.compile("\"completion_tokens\"\\s*:\\s*(\\d+)");
  private static final int TAIL = 4096;
  private final byte[] tail = new byte[TAIL];
  private int length;

  void accept(byte[] chunk, int offset, int count) {
    if (count >= TAIL) {
      System.arraycopy(chunk, offset + count - TAIL, tail, 0, TAIL);
      length = TAIL;
      return;
    }
    int keep = Math.min(length, TAIL - count);
    System.arraycopy(tail, length - keep, tail, 0, keep);
    System.arraycopy(chunk, offset, tail, keep, count);
    length = keep + count;
  }

  /** Returns the last reported completion token count, or -1. */
  long completionTokens() {
    Matcher matcher = COMPLETION_TOKENS.matcher(new String(tail, 0, length, StandardCharsets.ISO_8859_1));
    long found = -1;
    while (matcher.find()) {
      found = Long.parseLong(matcher.group(1));
    }
    return found;
  }
}
