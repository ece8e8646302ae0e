package dev.inferencegateway.epp.plugins.producer.prefix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The primitive map and the per-endpoint LRU agree with the JDK collections they replace. */
class PrefixIndexStructuresTest {
  @Test
  void longIntMap_behavesLikeHashMapUnderRandomOperations() {
    LongIntMap map = new LongIntMap(4);
    Map<Long, Integer> reference = new HashMap<>();
    Random random = new Random(11);

    for (int op = 0; op < 200_000; op++) {
      long key = random.nextInt(5_000) * 0x9E3779B97F4A7C15L;
      switch (random.nextInt(3)) {
        case 0 -> {
          int value = random.nextInt(1_000_000);
          map.put(key, value);
          reference.put(key, value);
        }
        case 1 -> {
          map.remove(key);
          reference.remove(key);
        }
        default -> assertThat(map.get(key)).isEqualTo(reference.getOrDefault(key, LongIntMap.MISSING));
      }
      assertThat(map.size()).isEqualTo(reference.size());
    }
    reference.forEach((k, v) -> assertThat(map.get(k)).isEqualTo(v));
  }

  @Test
  void blockLru_evictsLeastRecentlyUsedLikeAccessOrderedLinkedHashMap() {
    int capacity = 50;
    BlockLru lru = new BlockLru(capacity);
    LinkedHashMap<Long, Boolean> reference = new LinkedHashMap<>(16, 0.75f, true);
    Random random = new Random(12);

    for (int op = 0; op < 100_000; op++) {
      long hash = random.nextInt(120);
      Long expectedEviction = !reference.containsKey(hash) && reference.size() == capacity
          ? reference.keySet().iterator().next() : null;
      int result = lru.touch(hash);
      reference.put(hash, true);
      if (expectedEviction != null) {
        reference.remove(expectedEviction);
        assertThat(result).isEqualTo(BlockLru.ADDED_WITH_EVICTION);
        assertThat(lru.lastEvicted()).isEqualTo(expectedEviction);
      }
      assertThat(lru.size()).isEqualTo(reference.size());
    }
    assertThat(lru.hashes()).containsExactlyInAnyOrder(
        reference.keySet().stream().mapToLong(Long::longValue).toArray());
  }

  @Test
  void blockLru_keepsLruOrderAcrossResizes() {
    BlockLru lru = new BlockLru(40);
    LinkedHashMap<Long, Boolean> reference = new LinkedHashMap<>(16, 0.75f, true);
    int capacity = 40;
    Random random = new Random(13);

    for (int op = 0; op < 50_000; op++) {
      if (random.nextInt(500) == 0) {
        capacity = 1 + random.nextInt(150);
        long[] evicted = lru.resize(capacity);
        long[] expected = reference.keySet().stream().limit(Math.max(0, reference.size() - capacity))
            .mapToLong(Long::longValue).toArray();
        assertThat(evicted).containsExactly(expected);
        for (long hash : expected) {
          reference.remove(hash);
        }
      }
      long hash = random.nextInt(random.nextBoolean() ? 30 : 400);
      Long expectedEviction = !reference.containsKey(hash) && reference.size() == capacity
          ? reference.keySet().iterator().next() : null;
      int result = lru.touch(hash);
      reference.put(hash, true);
      if (expectedEviction != null) {
        reference.remove(expectedEviction);
        assertThat(result).isEqualTo(BlockLru.ADDED_WITH_EVICTION);
        assertThat(lru.lastEvicted()).isEqualTo(expectedEviction);
      }
      assertThat(lru.size()).isEqualTo(reference.size());
    }
    reference.keySet().forEach(hash -> assertThat(lru.contains(hash)).isTrue());
    assertThat(lru.hashes()).containsExactlyInAnyOrder(
        reference.keySet().stream().mapToLong(Long::longValue).toArray());
  }

  @Test
  void blockLru_shrinkingEvictsOldestFirst() {
    BlockLru lru = new BlockLru(5);
    for (long h = 1; h <= 5; h++) {
      lru.touch(h);
    }
    lru.touch(1);

    long[] evicted = lru.resize(2);

    assertThat(evicted).containsExactly(2, 3, 4);
    assertThat(lru.hashes()).containsExactlyInAnyOrder(5L, 1L);
    assertThat(lru.touch(6)).isEqualTo(BlockLru.ADDED_WITH_EVICTION);
    assertThat(lru.lastEvicted()).isEqualTo(5);
  }
}
