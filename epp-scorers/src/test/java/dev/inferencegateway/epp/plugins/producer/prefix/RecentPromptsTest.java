package dev.inferencegateway.epp.plugins.producer.prefix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.request.ByteSlice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** Hashing through the recent-prompt memo gives exactly the hashes computed from scratch. */
class RecentPromptsTest {
  private static final String[] MODELS = {"model-a", "model-b"};
  private static final String[] SALTS = {"", "tenant"};

  @Test
  void memoizedHashesEqualFreshOnesUnderRandomPrompts() {
    Random random = new Random(31);
    RecentPrompts recent = new RecentPrompts(4);
    String[] prefixes = prefixes(random);

    for (int i = 0; i < 20_000; i++) {
      assertSameHashes(randomCase(random, prefixes), recent, i);
    }
  }

  @Test
  void sharedLeadingBlocksAreRecalledAndTheRestRecomputed() {
    RecentPrompts recent = new RecentPrompts(8);
    String system = "s".repeat(64 * 5 + 10);
    ByteSlice first = slice(system + "first question");
    ByteSlice second = slice(system + "second question, longer than the first");
    long seed = PromptHasher.xxh64("m".getBytes(StandardCharsets.UTF_8), 0, 1, 0);

    long[] firstHashes = PromptHasher.hash("m", "", first, 16, 256, recent);
    long[] recalled = new long[9];
    int slot = recent.slot(seed, 64, second.array(), second.offset(), second.length());
    int blocks = recent.recall(slot, seed, 64, second.array(), second.offset(), second.length(), recalled);

    assertThat(blocks).isEqualTo(5);
    assertThat(recalled).startsWith(Arrays.copyOf(firstHashes, 5));
    assertThat(PromptHasher.hash("m", "", second, 16, 256, recent))
        .containsExactly(PromptHasher.hash("m", "", second, 16, 256));
  }

  @Test
  void promptsInLargeBodiesAreRecalledFromACopyOfTheirHashedRange() {
    RecentPrompts recent = new RecentPrompts(8);
    byte[] body = new byte[200_000];
    byte[] prompt = ("p".repeat(64 * 5) + "tail").getBytes(StandardCharsets.UTF_8);
    System.arraycopy(prompt, 0, body, 150_000, prompt.length);
    ByteSlice inBody = new ByteSlice(body, 150_000, prompt.length);

    long[] first = PromptHasher.hash("m", "", inBody, 16, 256, recent);
    Arrays.fill(body, (byte) 'x');
    ByteSlice next = slice("p".repeat(64 * 5) + "other");
    long seed = PromptHasher.xxh64("m".getBytes(StandardCharsets.UTF_8), 0, 1, 0);
    long[] recalled = new long[6];
    int slot = recent.slot(seed, 64, next.array(), next.offset(), next.length());

    assertThat(recent.recall(slot, seed, 64, next.array(), next.offset(), next.length(), recalled)).isEqualTo(5);
    assertThat(recalled).startsWith(Arrays.copyOf(first, 5));
    assertThat(first).containsExactly(PromptHasher.hash("m", "", slice("p".repeat(64 * 5) + "tail"), 16, 256));
  }

  @Test
  void concurrentHashingThroughOneMemoStaysExact() throws InterruptedException {
    RecentPrompts recent = new RecentPrompts(2);
    String[] prefixes = prefixes(new Random(32));
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Random random = new Random(40 + t);
      Thread worker = new Thread(() -> {
        try {
          for (int i = 0; i < 5_000; i++) {
            assertSameHashes(randomCase(random, prefixes), recent, i);
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join(60_000);
    }

    assertThat(failures).isEmpty();
  }

  private static void assertSameHashes(Case c, RecentPrompts recent, int i) {
    long[] memoized = PromptHasher.hash(c.model, c.salt, c.prompt, c.blockTokens, c.maxBlocks, recent);
    long[] fresh = PromptHasher.hash(c.model, c.salt, c.prompt, c.blockTokens, c.maxBlocks);
    assertThat(memoized).as("case %d", i).containsExactly(fresh);
  }

  private static Case randomCase(Random random, String[] prefixes) {
    String text = prefixes[random.nextInt(prefixes.length)] + word(random, random.nextInt(300));
    int pad = random.nextInt(3);
    byte[] bytes = ("#".repeat(pad) + text + "#".repeat(random.nextInt(3))).getBytes(StandardCharsets.UTF_8);
    ByteSlice prompt = new ByteSlice(bytes, pad, text.length());
    int blockTokens = random.nextInt(4) == 0 ? 1 + random.nextInt(20) : 16;
    int maxBlocks = random.nextInt(4) == 0 ? random.nextInt(12) : 256;
    return new Case(MODELS[random.nextInt(4) == 0 ? 1 : 0], SALTS[random.nextInt(4) == 0 ? 1 : 0], prompt,
        blockTokens, maxBlocks);
  }

  private static String[] prefixes(Random random) {
    String shared = word(random, 200);
    return new String[] {"", shared, shared + word(random, 150), shared + word(random, 150), word(random, 400)};
  }

  private static String word(Random random, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append((char) ('a' + random.nextInt(3)));
    }
    return out.toString();
  }

  private static ByteSlice slice(String text) {
    return ByteSlice.of(text.getBytes(StandardCharsets.UTF_8));
  }

  private record Case(String model, String salt, ByteSlice prompt, int blockTokens, int maxBlocks) {}
}
