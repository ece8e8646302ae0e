package dev.inferencegateway.epp.plugins.producer.prefix;

import java.util.Arrays;

/**
 * The block hashes one endpoint is believed to cache, bounded by a capacity and evicted in
 * least-recently-used order. Nodes live in parallel arrays that grow on demand up to the
 * capacity, so an endpoint costs memory in proportion to what it holds. Not thread-safe.
 */
final class BlockLru {
  /** {@link #touch} result: the hash was present and is now the most recent. */
  static final int PRESENT = 0;
  /** {@link #touch} result: the hash was added without eviction. */
  static final int ADDED = 1;
  /** {@link #touch} result: the hash was added and {@link #lastEvicted()} was evicted. */
  static final int ADDED_WITH_EVICTION = 2;

  private static final int NONE = -1;

  private final LongIntMap nodeOf;
  private long[] keys;
  private int[] prev;
  private int[] next;
  private int head = NONE;
  private int tail = NONE;
  private int size;
  private int capacity;
  private long lastEvicted;

  BlockLru(int capacity) {
    this.capacity = capacity;
    int initial = Math.min(capacity, 64);
    this.nodeOf = new LongIntMap(initial);
    this.keys = new long[initial];
    this.prev = new int[initial];
    this.next = new int[initial];
  }

  int size() {
    return size;
  }

  int capacity() {
    return capacity;
  }

  long lastEvicted() {
    return lastEvicted;
  }

  boolean contains(long hash) {
    return nodeOf.get(hash) != LongIntMap.MISSING;
  }

  /** Marks {@code hash} as the most recently used, adding it (and evicting the least) if absent. */
  int touch(long hash) {
    int node = nodeOf.get(hash);
    if (node != LongIntMap.MISSING) {
      moveToHead(node);
      return PRESENT;
    }
    if (size < capacity) {
      node = size++;
      ensureNodes(size);
      keys[node] = hash;
      linkAtHead(node);
      nodeOf.put(hash, node);
      return ADDED;
    }
    node = tail;
    lastEvicted = keys[node];
    nodeOf.remove(lastEvicted);
    keys[node] = hash;
    nodeOf.put(hash, node);
    moveToHead(node);
    return ADDED_WITH_EVICTION;
  }

  /**
   * Lowers the capacity to {@code newCapacity} when it is smaller, returning the hashes evicted to
   * fit; raising it just allows more entries.
   */
  long[] resize(int newCapacity) {
    long[] evicted = new long[Math.max(0, size - newCapacity)];
    for (int e = 0; e < evicted.length; e++) {
      int node = tail;
      evicted[e] = keys[node];
      nodeOf.remove(keys[node]);
      unlink(node);
      int last = --size;
      if (node != last) {
        relocate(last, node);
      }
    }
    capacity = newCapacity;
    return evicted;
  }

  /** Returns every hash held, in no particular order. */
  long[] hashes() {
    return Arrays.copyOf(keys, size);
  }

  private void relocate(int from, int to) {
    keys[to] = keys[from];
    prev[to] = prev[from];
    next[to] = next[from];
    if (prev[to] != NONE) {
      next[prev[to]] = to;
    } else {
      head = to;
    }
    if (next[to] != NONE) {
      prev[next[to]] = to;
    } else {
      tail = to;
    }
    nodeOf.put(keys[to], to);
  }

  private void ensureNodes(int needed) {
    if (needed > keys.length) {
      int grown = (int) Math.min(capacity, Math.max(needed, (long) keys.length * 2));
      keys = Arrays.copyOf(keys, grown);
      prev = Arrays.copyOf(prev, grown);
      next = Arrays.copyOf(next, grown);
    }
  }

  private void moveToHead(int node) {
    if (node != head) {
      unlink(node);
      linkAtHead(node);
    }
  }

  private void linkAtHead(int node) {
    prev[node] = NONE;
    next[node] = head;
    if (head != NONE) {
      prev[head] = node;
    }
    head = node;
    if (tail == NONE) {
      tail = node;
    }
  }

  private void unlink(int node) {
    int p = prev[node];
    int n = next[node];
    if (p != NONE) {
      next[p] = n;
    } else {
      head = n;
    }
    if (n != NONE) {
      prev[n] = p;
    } else {
      tail = p;
    }
  }
}
