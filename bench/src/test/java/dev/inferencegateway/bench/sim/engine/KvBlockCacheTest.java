package dev.inferencegateway.bench.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KvBlockCacheTest {

  @Test
  void usageCountsHeldBlocksOnly() {
    KvBlockCache cache = new KvBlockCache(10);
    KvAllocation a = cache.allocate(new long[] {1, 2}, 2, 4);
    cache.commitPrompt(a, new long[] {1, 2});

    assertThat(cache.usage()).isEqualTo(0.4);
    assertThat(cache.cachedBlocks()).isEqualTo(2);

    cache.release(a);

    assertThat(cache.usage()).isZero();
    assertThat(cache.cachedBlocks()).isEqualTo(2);
  }

  @Test
  void sharedBlocksAreReferencedNotCopied() {
    KvBlockCache cache = new KvBlockCache(10);
    KvAllocation first = cache.allocate(new long[] {1, 2, 3}, 3, 4);
    cache.commitPrompt(first, new long[] {1, 2, 3});
    KvAllocation second = cache.allocate(new long[] {1, 2, 9}, 3, 4);

    assertThat(second.hitBlocks()).isEqualTo(2);
    assertThat(cache.usage()).isEqualTo(0.6);
  }

  @Test
  void eviction_takesLeastRecentlyReleasedBlocks_deepestFirst() {
    KvBlockCache cache = new KvBlockCache(4);
    KvAllocation a = cache.allocate(new long[] {1, 2}, 2, 2);
    cache.commitPrompt(a, new long[] {1, 2});
    cache.release(a);
    KvAllocation b = cache.allocate(new long[] {5, 6}, 2, 2);
    cache.commitPrompt(b, new long[] {5, 6});
    cache.release(b);

    KvAllocation c = cache.allocate(new long[] {}, 0, 3);

    assertThat(c).isNotNull();
    assertThat(cache.cachedBlocks()).isEqualTo(1);
    KvAllocation survivor = cache.allocate(new long[] {5, 6}, 2, 1);
    assertThat(survivor.hitBlocks()).isEqualTo(1);
  }

  @Test
  void allocationThatDoesNotFit_changesNothing() {
    KvBlockCache cache = new KvBlockCache(4);
    KvAllocation held = cache.allocate(new long[] {1}, 1, 3);

    assertThat(cache.allocate(new long[] {}, 0, 2)).isNull();
    assertThat(cache.usage()).isEqualTo(0.75);
    cache.release(held);
    assertThat(cache.allocate(new long[] {}, 0, 4)).isNotNull();
  }
}
