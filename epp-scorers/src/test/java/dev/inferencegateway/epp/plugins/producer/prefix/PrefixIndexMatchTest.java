package dev.inferencegateway.epp.plugins.producer.prefix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index's match agrees with a straightforward reference (a plain access-ordered LRU per
 * endpoint name) under random learning, purging and candidate lists that reuse, reorder, subset
 * and replace metadata instances.
 */
class PrefixIndexMatchTest {
  private static final int CAPACITY = 24;
  private static final int NAMES = 12;

  @Test
  void matchAgreesWithReferenceUnderRandomOperations() {
    Random random = new Random(21);
    PrefixIndex index = new PrefixIndex();
    Map<String, LinkedHashMap<Long, Boolean>> reference = new HashMap<>();
    EndpointMetadata[] current = new EndpointMetadata[NAMES];
    for (int n = 0; n < NAMES; n++) {
      current[n] = metadata(n);
    }
    long[][] conversations = conversations(random);
    List<Endpoint> candidates = candidates(current, allNames());

    for (int op = 0; op < 30_000; op++) {
      int kind = random.nextInt(100);
      if (kind < 35) {
        int name = random.nextInt(NAMES);
        long[] hashes = prefix(conversations[random.nextInt(conversations.length)], random);
        index.learn(hashes, current[name], 0, CAPACITY);
        learnReference(reference, key(current[name]), hashes);
      } else if (kind < 37) {
        List<EndpointSnapshot> kept = new ArrayList<>();
        for (int n = 0; n < NAMES; n++) {
          if (random.nextInt(3) > 0) {
            kept.add(new EndpointSnapshot(current[n], ModelServerMetrics.EMPTY));
          } else {
            reference.remove(key(current[n]));
          }
        }
        index.retainOnly(kept);
      } else if (kind < 40) {
        int name = random.nextInt(NAMES);
        current[name] = metadata(name);
        candidates = candidates(current, allNames());
      } else if (kind < 43) {
        List<Integer> names = allNames();
        Collections.shuffle(names, random);
        candidates = candidates(current, names.subList(0, 1 + random.nextInt(NAMES)));
      } else if (kind < 45) {
        candidates = candidates(current, allNames());
      } else {
        long[] hashes = prefix(conversations[random.nextInt(conversations.length)], random);
        int[] matches = new int[candidates.size()];
        Arrays.fill(matches, -7);
        index.match(hashes, candidates, matches);
        assertThat(matches).as("op %d", op).containsExactly(matchReference(reference, hashes, candidates));
      }
    }
  }

  @Test
  void freshMetadataInstancesOfAKnownEndpointMatchLikeTheOriginal() {
    PrefixIndex index = new PrefixIndex();
    EndpointMetadata original = metadata(3);
    long[] hashes = {11, 12, 13};
    index.learn(hashes, original, 0, CAPACITY);
    List<Endpoint> first = List.of(endpoint(metadata(1)), endpoint(original));
    int[] matches = new int[2];

    index.match(hashes, first, matches);
    assertThat(matches).containsExactly(0, 3);
    index.match(hashes, List.of(endpoint(metadata(3)), endpoint(metadata(1))), matches);
    assertThat(matches).containsExactly(3, 0);
    index.learn(new long[] {11, 12}, first.get(0).metadata(), 0, CAPACITY);
    index.match(hashes, first, matches);
    assertThat(matches).containsExactly(2, 3);
    index.retainOnly(List.of(new EndpointSnapshot(metadata(1), ModelServerMetrics.EMPTY)));
    index.match(hashes, first, matches);
    assertThat(matches).containsExactly(2, 0);
  }

  private static void learnReference(Map<String, LinkedHashMap<Long, Boolean>> reference, String key,
      long[] hashes) {
    LinkedHashMap<Long, Boolean> lru = reference.computeIfAbsent(key, k -> new LinkedHashMap<>(16, 0.75f, true));
    for (long hash : hashes) {
      lru.put(hash, Boolean.TRUE);
      if (lru.size() > CAPACITY) {
        lru.remove(lru.keySet().iterator().next());
      }
    }
  }

  private static int[] matchReference(Map<String, LinkedHashMap<Long, Boolean>> reference, long[] hashes,
      List<Endpoint> candidates) {
    int run = 0;
    while (run < hashes.length && held(reference, hashes[run])) {
      run++;
    }
    int[] expected = new int[candidates.size()];
    for (int i = 0; i < expected.length; i++) {
      LinkedHashMap<Long, Boolean> lru = reference.get(key(candidates.get(i).metadata()));
      for (int h = 0; h < run && lru != null; h++) {
        expected[i] += lru.containsKey(hashes[h]) ? 1 : 0;
      }
    }
    return expected;
  }

  private static boolean held(Map<String, LinkedHashMap<Long, Boolean>> reference, long hash) {
    return reference.values().stream().anyMatch(lru -> lru.containsKey(hash));
  }

  private static long[][] conversations(Random random) {
    long[] shared = random.longs(10).toArray();
    long[][] conversations = new long[8][];
    for (int c = 0; c < conversations.length; c++) {
      long[] own = random.longs(14).toArray();
      conversations[c] = new long[shared.length + own.length];
      System.arraycopy(shared, 0, conversations[c], 0, shared.length);
      System.arraycopy(own, 0, conversations[c], shared.length, own.length);
    }
    return conversations;
  }

  private static long[] prefix(long[] conversation, Random random) {
    return Arrays.copyOf(conversation, 1 + random.nextInt(conversation.length));
  }

  private static List<Integer> allNames() {
    List<Integer> names = new ArrayList<>();
    for (int n = 0; n < NAMES; n++) {
      names.add(n);
    }
    return names;
  }

  private static List<Endpoint> candidates(EndpointMetadata[] current, List<Integer> names) {
    List<Endpoint> candidates = new ArrayList<>();
    for (int n : names) {
      candidates.add(endpoint(current[n]));
    }
    return candidates;
  }

  private static Endpoint endpoint(EndpointMetadata metadata) {
    return new Endpoint(metadata, ModelServerMetrics.EMPTY);
  }

  private static EndpointMetadata metadata(int n) {
    String ip = "10.0.0." + n;
    return new EndpointMetadata("pod-" + n % 6 + "-rank-0", n < 6 ? "a" : "b", "pod-" + n % 6, ip, 8000,
        ip + ":9090", Map.of());
  }

  private static String key(EndpointMetadata metadata) {
    return metadata.namespace() + "/" + metadata.name();
  }
}
