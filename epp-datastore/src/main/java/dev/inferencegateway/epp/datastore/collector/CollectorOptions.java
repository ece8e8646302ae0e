package dev.inferencegateway.epp.datastore.collector;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Settings of the {@link MetricsCollector}.
 *
 * @param refreshInterval the per-endpoint tick ({@code --refresh-metrics-interval}, 50ms)
 * @param pollTimeout the bound on one poll (1s, as upstream)
 * @param clock stamps extracted metrics
 * @param loopThreads creates one thread per endpoint loop (virtual threads by default)
 */
public record CollectorOptions(Duration refreshInterval, Duration pollTimeout, Clock clock,
    ThreadFactory loopThreads) {
  /** The upstream scrape interval. */
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMillis(50);
  /** The upstream per-poll timeout. */
  public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofSeconds(1);

  public CollectorOptions {
    requirePositive(refreshInterval, "--refresh-metrics-interval");
    requirePositive(pollTimeout, "pollTimeout");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(loopThreads, "loopThreads");
  }

  /** Returns the upstream defaults: 50 ms ticks, 1 s poll timeout, system clock, virtual threads. */
  public static CollectorOptions defaults() {
    return new CollectorOptions(DEFAULT_REFRESH_INTERVAL, DEFAULT_POLL_TIMEOUT, Clock.systemUTC(),
        Thread.ofVirtual().name("metrics-loop-", 0).factory());
  }

  /** Returns a copy with {@code value} as the tick. */
  public CollectorOptions withRefreshInterval(Duration value) {
    return new CollectorOptions(value, pollTimeout, clock, loopThreads);
  }

  /** Returns a copy with {@code value} as the poll timeout. */
  public CollectorOptions withPollTimeout(Duration value) {
    return new CollectorOptions(refreshInterval, value, clock, loopThreads);
  }

  /** Returns a copy with {@code value} as the clock. */
  public CollectorOptions withClock(Clock value) {
    return new CollectorOptions(refreshInterval, pollTimeout, value, loopThreads);
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }
}
