package dev.inferencegateway.bench.sim.engine;

/**
 * The simulator's tokenizer stand-in: one token is four characters, the rule of thumb that the
 * EPP's approximate prefix cache also uses.
 */
public final class Tokens {
  /** Characters per simulated token. */
  public static final int CHARS_PER_TOKEN = 4;

  private Tokens() {}

  /** Tokens in {@code text}: its length divided by four, rounded up. */
  public static int count(CharSequence text) {
    return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
  }
}
