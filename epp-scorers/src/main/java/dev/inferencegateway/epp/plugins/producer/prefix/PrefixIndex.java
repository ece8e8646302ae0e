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
 * <p>Each owner of a hash is stored as an entry of its endpoint id and the hash's node in that
 * endpoint's LRU, so one lookup finds both who holds a hash and where it sits in each holder's
 * recency order; the LRUs need no map of their own.
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
  /* Value per hash: the entry of its one holder, or ~set when several hold it. */
  private final LongLongMap owners = new LongLongMap(1024);
  private long[][] sets = new long[16][];
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
        long owner = owners.get(hash);
        if (owner == LongLongMap.MISSING) {
          break;
        }
        if (counts == null) {
          counts = new int[nextId];
        }
        if (owner >= 0) {
          counts[idOf(owner)]++;
        } else {
          long[] members = sets[(int) ~owner];
          for (int k = 0, n = setSizes[(int) ~owner]; k < n; k++) {
            counts[idOf(members[k])]++;
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
      BlockLru lru = holder.lru;
      for (long hash : hashes) {
        long owner = owners.get(hash);
        int node = nodeOf(owner, holder.id);
        if (node >= 0) {
          lru.moveToHead(node);
          continue;
        }
        if (lru.isFull()) {
          removeOwner(lru.oldestHash(), holder.id);
          node = lru.replaceOldest(hash);
        } else {
          node = lru.add(hash);
          entries++;
        }
        addOwner(hash, owner, entry(holder.id, node));
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

  /* Returns the node of holder id in the hash whose owner value is given, or -1. */
  private int nodeOf(long owner, int id) {
    if (owner == LongLongMap.MISSING) {
      return -1;
    }
    if (owner >= 0) {
      return idOf(owner) == id ? (int) owner : -1;
    }
    int set = (int) ~owner;
    int k = memberIndex(set, id);
    return k < 0 ? -1 : (int) sets[set][k];
  }

  /* Returns the position of holder id's entry in set, or -1. */
  private int memberIndex(int set, int id) {
    long[] members = sets[set];
    for (int k = 0, n = setSizes[set]; k < n; k++) {
      if (idOf(members[k]) == id) {
        return k;
      }
    }
    return -1;
  }

  /* Adds entry to the owners of hash, whose owner value (read before) is owner. */
  private void addOwner(long hash, long owner, long entry) {
    if (owner == LongLongMap.MISSING) {
      owners.put(hash, entry);
    } else if (owner >= 0) {
      int set = newSet();
      sets[set][0] = owner;
      sets[set][1] = entry;
      setSizes[set] = 2;
      owners.put(hash, ~set);
    } else {
      int set = (int) ~owner;
      if (setSizes[set] == sets[set].length) {
        sets[set] = Arrays.copyOf(sets[set], sets[set].length * 2);
      }
      sets[set][setSizes[set]++] = entry;
    }
  }

  private void removeOwner(long hash, int id) {
    long owner = owners.get(hash);
    if (owner == LongLongMap.MISSING) {
      return;
    }
    if (owner >= 0) {
      if (idOf(owner) == id) {
        owners.remove(hash);
      }
      return;
    }
    int set = (int) ~owner;
    int k = memberIndex(set, id);
    if (k < 0) {
      return;
    }
    long[] members = sets[set];
    int n = --setSizes[set];
    members[k] = members[n];
    if (n == 1) {
      owners.put(hash, members[0]);
      sets[set] = null;
      freeSets.push(set);
    }
  }

  private int newSet() {
    int set = freeSets.isEmpty() ? nextSet++ : freeSets.pop();
    if (set >= sets.length) {
      sets = Arrays.copyOf(sets, sets.length * 2);
      setSizes = Arrays.copyOf(setSizes, setSizes.length * 2);
    }
    sets[set] = new long[4];
    return set;
  }

  /* An owner entry: the holder id in the high half, the hash's node in its LRU in the low half. */
  private static long entry(int id, int node) {
    return (long) id << 32 | node;
  }

  private static int idOf(long entry) {
    return (int) (entry >>> 32);
  }

  private record Holder(int id, BlockLru lru) {}

  /* The holder ids of one candidate list by position, valid while holdersVersion is unchanged. */
  private record CandidateIds(int version, EndpointMetadata[] metadata, int[] ids) {
    static final EndpointMetadata[] NONE = new EndpointMetadata[0];
  }
}
