package dev.inferencegateway.bench.sim.engine;

/**
 * Chained hashes of a prompt's full KV-cache blocks, as vLLM's prefix cache keys them: block i's
 * hash covers its own tokens and, through block i-1's hash, everything before it. The chain is
 * rooted in the adapter (or base model) and the request's {@code cache_salt}, so different adapters
 * and salts never share blocks.
 */
final class PromptBlocks {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private PromptBlocks() {}

  /** Hashes of the full blocks of {@code prompt}; a trailing partial block has no hash. */
  static long[] hash(String scope, String cacheSalt, String prompt, int blockSize) {
    int blockChars = blockSize * Tokens.CHARS_PER_TOKEN;
    long[] hashes = new long[prompt.length() / blockChars];
    long parent = mix(fnv(fnv(FNV_OFFSET, scope), "\u0000" + (cacheSalt == null ? "" : cacheSalt)));
    for (int i = 0; i < hashes.length; i++) {
      long h = parent;
      for (int c = i * blockChars, end = c + blockChars; c < end; c++) {
        h = (h ^ prompt.charAt(c)) * FNV_PRIME;
      }
      parent = mix(h);
      hashes[i] = parent;
    }
    return hashes;
  }

  private static long fnv(long seed, String text) {
    long h = seed;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * FNV_PRIME;
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
