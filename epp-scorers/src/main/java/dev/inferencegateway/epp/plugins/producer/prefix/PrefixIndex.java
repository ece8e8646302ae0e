package dev.inferencegateway.epp.plugins.producer.prefix;

import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.plugins.producer.EndpointTable;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.StampedLock;

/**
 * The approximate prefix-cache index: which endpoints are believed to hold each block hash, with
 * one LRU per endpoint bounding what it holds.
 *
 * <p>Thread-safe: matching takes a shared lock, learning and purging an exclusive one. The
 * hash-to-endpoints map and the per-endpoint LRUs change together under that lock, so an LRU
 * eviction always removes the endpoint from the evicted hash.
 */
final class PrefixIndex {
  private final StampedLock lock = new StampedLock();
  private final EndpointTable<Holder> holders = new EndpointTable<>();
  private final ArrayDeque<Integer> freeIds = new ArrayDeque<>();
  private int nextId;
  /* Value per hash: -(id + 1) when one endpoint holds it, else an index into sets. */
  private final LongIntMap owners = new LongIntMap(1024);
  private int[][] sets = new int[16][];
  private int[] setSizes = new int[16];
  private final ArrayDeque<Integer> freeSets = new ArrayDeque<>();
  private int nextSet;
  private long entries;
  /* Bumped under the write lock whenever an endpoint gains or loses its holder. */
  private int holdersVersion;
  private volatile CandidateIds lastCandidates = new CandidateIds(-1, CandidateIds.NONE, new int[0]);

  /**
   * Writes into {@code matches[i]} how many leading hashes candidate {@code i} holds, counting
   * along the leading run of hashes that at least one endpoint holds (greedy longest prefix).
   */
  void match(long[] hashes, List<Endpoint> candidates, int[] matches) {
    long stamp = lock.readLock();
    try {
      int[] counts = null;
      for (long hash : hashes) {
        int owner = owners.get(hash);
        if (owner == LongIntMap.MISSING) {
          break;
        }
        if (counts == null) {
          counts = new int[nextId];
        }
        if (owner < 0) {
          counts[-owner - 1]++;
        } else {
          int[] ids = sets[owner];
          for (int k = 0, n = setSizes[owner]; k < n; k++) {
            counts[ids[k]]++;
          }
        }
      }
      if (counts == null) {
        Arrays.fill(matches, 0);
        return;
      }
      int[] ids = holderIds(candidates);
      for (int i = 0; i < matches.length; i++) {
        matches[i] = ids[i] < 0 ? 0 : counts[ids[i]];
      }
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /**
   * Records that {@code endpoint} now holds {@code hashes}.
   *
   * @param reportedCapacity the endpoint's own block count, or 0 when unknown; a known count
   *     (re)sizes its LRU
   * @param defaultCapacity the LRU size of an endpoint whose block count is unknown
   */
  void learn(long[] hashes, EndpointMetadata endpoint, int reportedCapacity, int defaultCapacity) {
    long stamp = lock.writeLock();
    try {
      Holder holder = holders.computeIfAbsent(endpoint,
          m -> newHolder(reportedCapacity > 0 ? reportedCapacity : defaultCapacity));
      int capacity = reportedCapacity > 0 ? reportedCapacity : holder.lru.capacity();
      if (holder.lru.capacity() != capacity) {
        long[] evicted = holder.lru.resize(capacity);
        for (long hash : evicted) {
          removeOwner(hash, holder.id);
        }
        entries -= evicted.length;
      }
      for (long hash : hashes) {
        int result = holder.lru.touch(hash);
        if (result == BlockLru.PRESENT) {
          continue;
        }
        if (result == BlockLru.ADDED_WITH_EVICTION) {
          removeOwner(holder.lru.lastEvicted(), holder.id);
        } else {
          entries++;
        }
        addOwner(hash, holder.id);
      }
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** Forgets every endpoint that is not in {@code current}; returns how many were forgotten. */
  int retainOnly(List<EndpointSnapshot> current) {
    long stamp = lock.writeLock();
    try {
      List<Holder> removed = holders.retainOnly(current);
      if (!removed.isEmpty()) {
        holdersVersion++;
      }
      for (Holder holder : removed) {
        for (long hash : holder.lru.hashes()) {
          removeOwner(hash, holder.id);
        }
        entries -= holder.lru.size();
        freeIds.push(holder.id);
      }
      return removed.size();
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** Returns the number of (hash, endpoint) entries over all LRUs. */
  long entries() {
    long stamp = lock.readLock();
    try {
      return entries;
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** Returns the number of endpoints with an LRU. */
  int endpoints() {
    return holders.size();
  }

  /** Returns how many block hashes {@code endpoint} holds (0 when it has no LRU). */
  int entriesOf(EndpointMetadata endpoint) {
    long stamp = lock.readLock();
    try {
      Holder holder = holders.get(endpoint);
      return holder == null ? 0 : holder.lru.size();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** Returns the number of distinct hashes held by at least one endpoint. */
  int distinctHashes() {
    long stamp = lock.readLock();
    try {
      return owners.size();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /**
   * Returns the holder id of each candidate, -1 for none, reusing the ids of the previous call
   * for the positions that carry the same metadata instance while no holder came or went. Call
   * under the lock; the returned array is never modified.
   */
  private int[] holderIds(List<Endpoint> candidates) {
    CandidateIds last = lastCandidates;
    int n = candidates.size();
    EndpointMetadata[] known = last.version == holdersVersion ? last.metadata : CandidateIds.NONE;
    if (known.length == n) {
      int same = 0;
      while (same < n && known[same] == candidates.get(same).metadata()) {
        same++;
      }
      if (same == n) {
        return last.ids;
      }
    }
    EndpointMetadata[] metadata = new EndpointMetadata[n];
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      EndpointMetadata endpoint = candidates.get(i).metadata();
      metadata[i] = endpoint;
      if (i < known.length && known[i] == endpoint) {
        ids[i] = last.ids[i];
      } else {
        Holder holder = holders.get(endpoint);
        ids[i] = holder == null ? -1 : holder.id;
      }
    }
    lastCandidates = new CandidateIds(holdersVersion, metadata, ids);
    return ids;
  }

  private Holder newHolder(int capacity) {
    holdersVersion++;
    int id = freeIds.isEmpty() ? nextId++ : freeIds.pop();
    return new Holder(id, new BlockLru(capacity));
  }

  private void addOwner(long hash, int id) {
    int owner = owners.get(hash);
    if (owner == LongIntMap.MISSING) {
      owners.put(hash, -id - 1);
    } else if (owner < 0) {
      int set = newSet();
      sets[set][0] = -owner - 1;
      sets[set][1] = id;
      setSizes[set] = 2;
      owners.put(hash, set);
    } else {
      if (setSizes[owner] == sets[owner].length) {
        sets[owner] = Arrays.copyOf(sets[owner], sets[owner].length * 2);
      }
      sets[owner][setSizes[owner]++] = id;
    }
  }

  private void removeOwner(long hash, int id) {
    int owner = owners.get(hash);
    if (owner == LongIntMap.MISSING) {
      return;
    }
    if (owner < 0) {
      if (-owner - 1 == id) {
        owners.remove(hash);
      }
      return;
    }
    int[] ids = sets[owner];
    int n = setSizes[owner];
    for (int k = 0; k < n; k++) {
      if (ids[k] == id) {
        ids[k] = ids[--n];
        setSizes[owner] = n;
        break;
      }
    }
    if (n == 1) {
      owners.put(hash, -ids[0] - 1);
      sets[owner] = null;
      freeSets.push(owner);
    }
  }

  private int newSet() {
    int set = freeSets.isEmpty() ? nextSet++ : freeSets.pop();
    if (set >= sets.length) {
      sets = Arrays.copyOf(sets, sets.length * 2);
      setSizes = Arrays.copyOf(setSizes, setSizes.length * 2);
    }
    sets[set] = new int[4];
    return set;
  }

  private record Holder(int id, BlockLru lru) {}

  /* The holder ids of one candidate list by position, valid while holdersVersion is unchanged. */
  private record CandidateIds(int version, EndpointMetadata[] metadata, int[] ids) {
    static final EndpointMetadata[] NONE = new EndpointMetadata[0];
  }
}
