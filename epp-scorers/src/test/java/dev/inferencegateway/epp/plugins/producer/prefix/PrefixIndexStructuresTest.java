package dev.inferencegateway.epp.plugins.producer.prefix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The primitive map, the per-endpoint recency list and the index's LRU bookkeeping agree with the
 * JDK collections they replace.
 */
class PrefixIndexStructuresTest {
  @Test
  void longLongMap_behavesLikeHashMapUnderRandomOperations() {
    LongLongMap map = new LongLongMap(4);
    Map<Long, Long> reference = new HashMap<>();
    Random random = new Random(11);

    for (int op = 0; op < 200_000; op++) {
      long key = random.nextInt(5_000) * 0x9E3779B97F4A7C15L;
      switch (random.nextInt(3)) {
        case 0 -> {
          long value = random.nextLong(-1L << 40, 1L << 40);
          map.put(key, value);
          reference.put(key, value);
        }
        case 1 -> {
          map.remove(key);
          reference.remove(key);
        }
        default -> assertThat(map.get(key)).isEqualTo(reference.getOrDefault(key, LongLongMap.MISSING));
      }
      assertThat(map.size()).isEqualTo(reference.size());
    }
    reference.forEach((k, v) -> assertThat(map.get(k)).isEqualTo(v));
  }

  @Test
  void blockLru_keepsRecencyOrderLikeAccessOrderedLinkedHashMap() {
    int capacity = 50;
    BlockLru lru = new BlockLru(capacity);
    Map<Long, Integer> nodes = new HashMap<>();
    LinkedHashMap<Long, Boolean> reference = new LinkedHashMap<>(16, 0.75f, true);
    Random random = new Random(12);

    for (int op = 0; op < 100_000; op++) {
      long hash = random.nextInt(120);
      Integer node = nodes.get(hash);
      if (node != null) {
        lru.moveToHead(node);
      } else if (lru.isFull()) {
        long oldest = lru.oldestHash();
        assertThat(oldest).isEqualTo(reference.keySet().iterator().next());
        reference.remove(oldest);
        nodes.put(hash, lru.replaceOldest(hash));
        assertThat(nodes.remove(oldest)).isEqualTo(nodes.get(hash));
      } else {
        nodes.put(hash, lru.add(hash));
      }
      reference.put(hash, true);
      assertThat(lru.size()).isEqualTo(reference.size());
    }
    assertThat(lru.hashes()).containsExactly(newestFirst(reference));
  }

  @Test
  void blockLru_shrinkingEvictsOldestFirstAndReusesTheirNodes() {
    BlockLru lru = new BlockLru(5);
    List<Integer> nodes = new ArrayList<>();
    for (long h = 1; h <= 5; h++) {
      nodes.add(lru.add(h));
    }
    lru.moveToHead(nodes.get(0));

    long[] evicted = lru.resize(2);

    assertThat(evicted).containsExactly(2, 3, 4);
    assertThat(lru.hashes()).containsExactly(1L, 5L);
    assertThat(lru.isFull()).isTrue();
    lru.resize(4);
    assertThat(lru.isFull()).isFalse();
    int reused = lru.add(6);
    assertThat(nodes.subList(1, 4)).contains(reused);
    assertThat(lru.hashes()).containsExactly(6L, 1L, 5L);
    assertThat(lru.oldestHash()).isEqualTo(5);
  }

  @Test
  void index_keepsEachEndpointsLruOrderAcrossSharedHashesAndCapacityChanges() {
    PrefixIndex index = new PrefixIndex();
    EndpointMetadata[] endpoints = {metadata(1), metadata(2), metadata(3)};
    List<LinkedHashMap<Long, Boolean>> reference = new ArrayList<>();
    int[] capacities = {40, 40, 40};
    for (int e = 0; e < endpoints.length; e++) {
      reference.add(new LinkedHashMap<>(16, 0.75f, true));
    }
    Random random = new Random(13);

    for (int op = 0; op < 30_000; op++) {
      int e = random.nextInt(endpoints.length);
      int reported = 0;
      if (random.nextInt(400) == 0) {
        capacities[e] = 1 + random.nextInt(120);
        reported = capacities[e];
      }
      long[] hashes = new long[1 + random.nextInt(4)];
      for (int h = 0; h < hashes.length; h++) {
        hashes[h] = random.nextInt(random.nextBoolean() ? 30 : 300);
      }
      index.learn(hashes, endpoints[e], reported, 40);
      LinkedHashMap<Long, Boolean> lru = reference.get(e);
      while (lru.size() > capacities[e]) {
        lru.remove(lru.keySet().iterator().next());
      }
      for (long hash : hashes) {
        lru.put(hash, true);
        if (lru.size() > capacities[e]) {
          lru.remove(lru.keySet().iterator().next());
        }
      }
      assertThat(index.entriesOf(endpoints[e])).as("op %d", op).isEqualTo(lru.size());
    }

    long total = 0;
    for (int e = 0; e < endpoints.length; e++) {
      total += reference.get(e).size();
      for (long hash = 0; hash < 300; hash++) {
        assertThat(holds(index, endpoints[e], hash)).as("endpoint %d hash %d", e, hash)
            .isEqualTo(reference.get(e).containsKey(hash));
      }
    }
    assertThat(index.entries()).isEqualTo(total);
    assertThat(index.distinctHashes()).isEqualTo(
        (int) reference.stream().flatMap(lru -> lru.keySet().stream()).distinct().count());
  }

  private static boolean holds(PrefixIndex index, EndpointMetadata endpoint, long hash) {
    int[] matches = new int[1];
    index.match(new long[] {hash}, List.of(new Endpoint(endpoint, ModelServerMetrics.EMPTY)), matches);
    return matches[0] == 1;
  }

  private static long[] newestFirst(LinkedHashMap<Long, Boolean> reference) {
    List<Long> keys = new ArrayList<>(reference.keySet());
    Collections.reverse(keys);
    return keys.stream().mapToLong(Long::longValue).toArray();
  }

  private static EndpointMetadata metadata(int n) {
    String ip = "10.0.1." + n;
    return new EndpointMetadata("pod-" + n, "default", "pod-" + n, ip, 8000, ip + ":9090", Map.of());
  }
}
