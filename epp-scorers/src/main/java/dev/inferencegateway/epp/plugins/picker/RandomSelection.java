package dev.inferencegateway.epp.plugins.picker;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.scheduling.ScoredEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Uniform random selection shared by the pickers. */
public final class RandomSelection {
  private RandomSelection() {}

  /** Shuffles {@code items} in place (Fisher–Yates). */
  public static <T> void shuffle(T[] items, RandomGenerator random) {
    for (int i = items.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T swap = items[i];
      items[i] = items[j];
      items[j] = swap;
    }
  }

  /** Returns {@code min(count, scored.size())} distinct endpoints chosen uniformly, in draw order. */
  public static List<Endpoint> pick(List<ScoredEndpoint> scored, int count, RandomGenerator random) {
    int n = Math.min(count, scored.size());
    if (n == 1) {
      return List.of(scored.get(random.nextInt(scored.size())).endpoint());
    }
    ScoredEndpoint[] pool = scored.toArray(new ScoredEndpoint[0]);
    List<Endpoint> picked = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(pool.length - i);
      ScoredEndpoint swap = pool[i];
      pool[i] = pool[j];
      pool[j] = swap;
      picked.add(pool[i].endpoint());
    }
    return picked;
  }
}
