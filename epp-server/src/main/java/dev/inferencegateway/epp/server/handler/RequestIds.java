package dev.inferencegateway.epp.server.handler;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** Generates version-4 UUID request ids from an injected random source. */
public final class RequestIds {
  private RequestIds() {}

  /** Returns a generator drawing from {@code random} (which must be safe for concurrent use). */
  public static Supplier<String> from(RandomGenerator random) {
    return () -> {
      long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
      long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
      return new UUID(msb, lsb).toString();
    };
  }
}
