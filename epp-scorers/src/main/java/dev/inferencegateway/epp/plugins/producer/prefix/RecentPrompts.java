package dev.inferencegateway.epp.plugins.producer.prefix;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A small direct-mapped memo of the latest prompt hashed per slot with its block hashes, so that
 * the leading blocks a prompt shares with a recent one, such as a common system prompt, are not
 * hashed again.
 *
 * <p>A slot is chosen by the seed, the block size and the bytes that end the first few blocks;
 * a recalled hash is used only when the seed, the block size and every byte up to the end of its
 * block are equal, so it is exactly the hash {@link PromptHasher} computes. An entry refers to the
 * request's prompt bytes, which {@link dev.inferencegateway.epp.core.request.ByteSlice} never
 * modifies, when their backing array is small, and keeps a copy of the hashed range otherwise;
 * it also refers to the hashes handed to the caller, which must not be modified.
 *
 * <p>Thread-safe: entries are immutable and replaced whole, so a racing reader sees an old entry,
 * a new one, or none.
 */
final class RecentPrompts {
  /** The number of slots of the producer's memo. */
  static final int DEFAULT_SLOTS = 64;

  private static final int KEY_BLOCKS = 4;
  private static final int MAX_REFERENCED_BYTES = 64 * 1024;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final Entry[] slots;
  private final int mask;

  /** Creates a memo of {@code slots} entries, rounded up to a power of two. */
  RecentPrompts(int slots) {
    int size = Integer.highestOneBit(Math.max(1, slots - 1)) << 1;
    this.slots = new Entry[size];
    this.mask = size - 1;
  }

  /** Returns the slot of the {@code length} prompt bytes of {@code data} from {@code offset}. */
  int slot(long seed, int blockBytes, byte[] data, int offset, int length) {
    int keyEnd = Math.min(length, KEY_BLOCKS * blockBytes);
    long tail = keyEnd >= Long.BYTES ? (long) LONGS.get(data, offset + keyEnd - Long.BYTES) : 0;
    long key = (seed ^ tail ^ blockBytes) * 0x9E3779B97F4A7C15L;
    return (int) (key ^ (key >>> 32)) & mask;
  }

  /**
   * Copies into {@code hashes} the hashes of the leading full blocks the prompt shares with the
   * one remembered in {@code slot} and returns how many there are.
   */
  int recall(int slot, long seed, int blockBytes, byte[] data, int offset, int length, long[] hashes) {
    Entry entry = slots[slot];
    if (entry == null || entry.seed != seed || entry.blockBytes != blockBytes) {
      return 0;
    }
    int common = Math.min(entry.length, length);
    int mismatch = Arrays.mismatch(entry.data, entry.offset, entry.offset + common, data, offset, offset + common);
    int blocks = (mismatch < 0 ? common : mismatch) / blockBytes;
    System.arraycopy(entry.hashes, 0, hashes, 0, blocks);
    return blocks;
  }

  /** Remembers in {@code slot} the prompt bytes that were hashed and their hashes. */
  void remember(int slot, long seed, int blockBytes, byte[] data, int offset, int length, long[] hashes) {
    if (data.length > MAX_REFERENCED_BYTES) {
      slots[slot] = new Entry(seed, blockBytes, Arrays.copyOfRange(data, offset, offset + length), 0, length, hashes);
    } else {
      slots[slot] = new Entry(seed, blockBytes, data, offset, length, hashes);
    }
  }

  private record Entry(long seed, int blockBytes, byte[] data, int offset, int length, long[] hashes) {}
}
