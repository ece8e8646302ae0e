package dev.inferencegateway.epp.plugins.producer.prefix;

import dev.inferencegateway.epp.core.request.ByteSlice;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Cuts a prompt into blocks and chains their XXH64 hashes, exactly as upstream's approximate
 * prefix producer does, so that indexes built from the same traffic agree.
 *
 * <ul>
 *   <li>{@code h0 = xxh64(targetModel ‖ cacheSalt)};
 *   <li>{@code h_i = xxh64(block_i ‖ littleEndian64(h_{i−1}))} for each full block and for the
 *       trailing partial block;
 *   <li>a prompt shorter than one block has no hashes; a longer one is first truncated to
 *       {@code maxBlocks} blocks.
 * </ul>
 */
public final class PromptHasher {
  /** Characters (bytes) per token, upstream's {@code averageCharactersPerToken}. */
  public static final int CHARACTERS_PER_TOKEN = 4;

  private static final XXHash64 XXH64 = XXHashFactory.safeInstance().hash64();
  private static final long[] NO_HASHES = new long[0];
  private static final int MAX_CACHED_MODELS = 1024;
  private static final ConcurrentHashMap<String, Long> MODEL_SEEDS = new ConcurrentHashMap<>();

  private PromptHasher() {}

  /** Returns the 64-bit XXH64 of {@code length} bytes of {@code data} from {@code offset}. */
  public static long xxh64(byte[] data, int offset, int length, long seed) {
    return XXH64.hash(data, offset, length, seed);
  }

  /**
   * Returns the chained block hashes of {@code prompt}.
   *
   * @param targetModel the model the request is sent to (adapters keep their own blocks)
   * @param cacheSalt the request's {@code cache_salt}, empty for none
   * @param prompt the bytes that identify the prompt
   * @param blockSizeTokens tokens per block; a block is {@code 4 ×} this many bytes
   * @param maxBlocks the most blocks to hash
   */
  public static long[] hash(String targetModel, String cacheSalt, ByteSlice prompt,
      int blockSizeTokens, int maxBlocks) {
    return hash(targetModel, cacheSalt, prompt, blockSizeTokens, maxBlocks, null);
  }

  /**
   * Returns the chained block hashes of {@code prompt} as {@link #hash(String, String, ByteSlice,
   * int, int)} does, taking the leading blocks it shares with a prompt in {@code recent} from
   * there and remembering this one; the result must not be modified.
   */
  static long[] hash(String targetModel, String cacheSalt, ByteSlice prompt, int blockSizeTokens,
      int maxBlocks, RecentPrompts recent) {
    int blockBytes = blockSizeTokens * CHARACTERS_PER_TOKEN;
    int length = prompt.length();
    if (blockBytes <= 0 || length < blockBytes || maxBlocks <= 0) {
      return NO_HASHES;
    }
    length = (int) Math.min(length, (long) maxBlocks * blockBytes);
    int blocks = (length + blockBytes - 1) / blockBytes;
    long[] hashes = new long[blocks];
    long seed = seed(targetModel, cacheSalt);
    byte[] data = prompt.array();
    int offset = prompt.offset();
    if (recent == null) {
      hashFrom(0, seed, data, offset, length, blockBytes, hashes);
      return hashes;
    }
    int slot = recent.slot(seed, blockBytes, data, offset, length);
    int recalled = recent.recall(slot, seed, blockBytes, data, offset, length, hashes);
    hashFrom(recalled, recalled == 0 ? seed : hashes[recalled - 1], data, offset, length, blockBytes, hashes);
    recent.remember(slot, seed, blockBytes, data, offset, length, hashes);
    return hashes;
  }

  private static void hashFrom(int first, long previous, byte[] data, int offset, int length,
      int blockBytes, long[] hashes) {
    if (first == hashes.length) {
      return;
    }
    byte[] scratch = new byte[blockBytes + Long.BYTES];
    ByteBuffer scratchView = ByteBuffer.wrap(scratch).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    int end = offset + length;
    int start = offset + first * blockBytes;
    for (int b = first; b < hashes.length; b++, start += blockBytes) {
      int size = Math.min(blockBytes, end - start);
      System.arraycopy(data, start, scratch, 0, size);
      writeLongLe(scratch, size, previous);
      previous = XXH64.hash(scratchView, 0, size + Long.BYTES, 0);
      hashes[b] = previous;
    }
  }

  /** Returns {@code xxh64(targetModel ‖ cacheSalt)}, cached per model for unsalted requests. */
  private static long seed(String targetModel, String cacheSalt) {
    if (cacheSalt.isEmpty()) {
      Long cached = MODEL_SEEDS.get(targetModel);
      if (cached != null) {
        return cached;
      }
    }
    byte[] seedBytes = (targetModel + cacheSalt).getBytes(StandardCharsets.UTF_8);
    long seed = XXH64.hash(seedBytes, 0, seedBytes.length, 0);
    if (cacheSalt.isEmpty() && MODEL_SEEDS.size() < MAX_CACHED_MODELS) {
      MODEL_SEEDS.put(targetModel, seed);
    }
    return seed;
  }

  private static void writeLongLe(byte[] target, int offset, long value) {
    for (int i = 0; i < Long.BYTES; i++) {
      target[offset + i] = (byte) (value >>> (8 * i));
    }
  }
}
