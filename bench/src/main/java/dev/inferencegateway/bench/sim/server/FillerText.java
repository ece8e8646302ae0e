package dev.inferencegateway.bench.sim.server;

import java.util.SplittableRandom;

/**
 * Deterministic filler output for one request: the same seed, model and prompt always give the
 * same length and the same words, like a model at temperature 0. Each token is a short word of at
 * most four characters, so the text's length / 4 matches its token count.
 */
final class FillerText {
  private static final String[] WORDS = {
      " the", " of", " and", " to", " in", " is", " it", " for", " on", " was", " as", " at", " by", " we",
      " an", " be", " or", " if", " so", " up", " out", " new", " can", " one", " all", " may", " way",
      " use", " day", " sky", " sea", " map", " art", " key", " ski", " eat", " see", " run", " fun", " big",
      " red", " old", " top", " low", " now", " yes", " why", " how", " who", " its", " our", " two", " few",
      " own", " set", " let", " put", " say", " try", " ask", " end", " far", " job", " law"};

  private final SplittableRandom random;

  private FillerText(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The filler stream of a prompt sent to {@code model}, under the fleet's {@code seed}. */
  static FillerText of(long seed, String model, String prompt) {
    long h = seed * 0x9E3779B97F4A7C15L + model.hashCode();
    return new FillerText(h * 31 + prompt.hashCode());
  }

  /**
   * How many tokens to generate: {@code maxTokens} with {@code ignore_eos}, otherwise a length
   * between half of {@code maxTokens} and {@code maxTokens}.
   */
  int plannedLength(int maxTokens, boolean ignoreEos) {
    if (ignoreEos || maxTokens == 1) {
      return maxTokens;
    }
    int min = (maxTokens + 1) / 2;
    return min + random.nextInt(maxTokens - min + 1);
  }

  /** The next output token's text. */
  String nextToken() {
    return WORDS[random.nextInt(WORDS.length)];
  }
}
