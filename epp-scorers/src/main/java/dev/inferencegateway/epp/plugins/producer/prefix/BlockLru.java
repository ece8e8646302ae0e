package dev.inferencegateway.epp.plugins.producer.prefix;

import java.util.Arrays;

/**
 * The recency order of the block hashes one endpoint is believed to cache, bounded by a capacity:
 * a doubly linked list of nodes, most recent first. Finding a hash's node is the caller's job (the
 * index keeps it beside the hash's owners), so a node is only a hash and its two links. Nodes live
 * in parallel arrays that grow on demand up to the capacity, so an endpoint costs memory in
 * proportion to what it holds. Not thread-safe.
 */
final class BlockLru {
  private static final int NONE = -1;

  private long[] keys;
  private int[] prev;
  private int[] next;
  private int head = NONE;
  private int tail = NONE;
  private int size;
  private int capacity;
  private int freeNodes = NONE;
  private int allocated;

  BlockLru(int capacity) {
    this.capacity = capacity;
    int initial = Math.min(capacity, 64);
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

  boolean isFull() {
    return size >= capacity;
  }

  /** Returns the hash of the least recently used node; only when not empty. */
  long oldestHash() {
    return keys[tail];
  }

  /** Adds {@code hash} as the most recent and returns its node; only when not full. */
  int add(long hash) {
    int node;
    if (freeNodes != NONE) {
      node = freeNodes;
      freeNodes = next[node];
    } else {
      node = allocated++;
      ensureNodes(allocated);
    }
    keys[node] = hash;
    linkAtHead(node);
    size++;
    return node;
  }

  /** Replaces the least recently used hash by {@code hash}, now the most recent; returns its node. */
  int replaceOldest(long hash) {
    int node = tail;
    keys[node] = hash;
    moveToHead(node);
    return node;
  }

  /** Marks {@code node} as the most recently used. */
  void moveToHead(int node) {
    if (node != head) {
      unlink(node);
      linkAtHead(node);
    }
  }

  /**
   * Sets the capacity; a smaller one removes the least recently used hashes to fit and returns
   * them, oldest first.
   */
  long[] resize(int newCapacity) {
    long[] evicted = new long[Math.max(0, size - newCapacity)];
    for (int e = 0; e < evicted.length; e++) {
      int node = tail;
      evicted[e] = keys[node];
      unlink(node);
      next[node] = freeNodes;
      freeNodes = node;
      size--;
    }
    capacity = newCapacity;
    return evicted;
  }

  /** Returns every hash held, most recent first. */
  long[] hashes() {
    long[] hashes = new long[size];
    for (int i = 0, node = head; node != NONE; i++, node = next[node]) {
      hashes[i] = keys[node];
    }
    return hashes;
  }

  private void ensureNodes(int needed) {
    if (needed > keys.length) {
      int grown = (int) Math.min(capacity, Math.max(needed, (long) keys.length * 2));
      keys = Arrays.copyOf(keys, grown);
      prev = Arrays.copyOf(prev, grown);
      next = Arrays.copyOf(next, grown);
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
