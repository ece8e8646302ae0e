package dev.inferencegateway.bench.sim.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A paged KV cache with automatic prefix caching, in the manner of vLLM: a fixed number of blocks;
 * a running request holds blocks for its prompt and output; full prompt blocks are published under
 * their chained hash once prefilled and stay cached after the request ends, until an allocation
 * needs the space and evicts the least recently used unreferenced one.
 *
 * <p>Usage counts the physical blocks that running requests hold, a shared block once (cached but
 * unreferenced blocks count as free, as in vLLM). Not thread-safe: the engine calls it under its lock.
 */
final class KvBlockCache {
  private final int numBlocks;
  private final Map<Long, Integer> refCounts = new HashMap<>();
  private final LinkedHashMap<Long, Boolean> evictable = new LinkedHashMap<>();
  private int free;
  private int used;

  KvBlockCache(int numBlocks) {
    this.numBlocks = numBlocks;
    this.free = numBlocks;
  }

  /**
   * Allocates {@code totalBlocks} blocks for a request whose full prompt blocks hash to
   * {@code hashes}, reusing up to {@code maxHitBlocks} leading cached blocks.
   *
   * @return the allocation, or null if the cache cannot hold the request now
   */
  KvAllocation allocate(long[] hashes, int maxHitBlocks, int totalBlocks) {
    int limit = Math.min(maxHitBlocks, hashes.length);
    int hits = 0;
    int idleHits = 0;
    while (hits < limit) {
      Integer refs = refCounts.get(hashes[hits]);
      if (refs == null) {
        break;
      }
      idleHits += refs == 0 ? 1 : 0;
      hits++;
    }
    int fresh = totalBlocks - hits;
    if (fresh > free + evictable.size() - idleHits) {
      return null;
    }
    List<Long> hitHashes = new ArrayList<>(hits);
    for (int i = 0; i < hits; i++) {
      int refs = refCounts.merge(hashes[i], 1, Integer::sum);
      if (refs == 1) {
        evictable.remove(hashes[i]);
      }
      hitHashes.add(hashes[i]);
    }
    int fromFree = Math.min(fresh, free);
    free -= fromFree;
    evictOldest(fresh - fromFree);
    used += fresh + idleHits;
    return new KvAllocation(hits, hitHashes, fresh);
  }

  /** Publishes the request's newly prefilled full prompt blocks under their hashes. */
  void commitPrompt(KvAllocation allocation, long[] hashes) {
    for (int i = allocation.hitBlocks(); i < hashes.length && allocation.privateBlocks() > 0; i++) {
      if (!refCounts.containsKey(hashes[i])) {
        refCounts.put(hashes[i], 1);
        allocation.convertPrivateToShared(hashes[i]);
      }
    }
  }

  /** Returns the request's blocks; its cached blocks become evictable, deepest first. */
  void release(KvAllocation allocation) {
    List<Long> shared = allocation.sharedHashes();
    for (int i = shared.size() - 1; i >= 0; i--) {
      long hash = shared.get(i);
      int refs = refCounts.merge(hash, -1, Integer::sum);
      if (refs == 0) {
        evictable.put(hash, Boolean.TRUE);
        used--;
      }
    }
    free += allocation.privateBlocks();
    used -= allocation.privateBlocks();
  }

  /** Fraction of blocks held by running requests, 0 to 1. */
  double usage() {
    return (double) used / numBlocks;
  }

  /** Blocks whose content is cached (referenced or not). */
  int cachedBlocks() {
    return refCounts.size();
  }

  /** Drops every cached block; only valid when no request holds blocks. */
  void clear() {
    refCounts.clear();
    evictable.clear();
    free = numBlocks;
    used = 0;
  }

  private void evictOldest(int count) {
    Iterator<Long> oldest = evictable.keySet().iterator();
    for (int i = 0; i < count; i++) {
      long hash = oldest.next();
      oldest.remove();
      refCounts.remove(hash);
    }
  }
}
