package dev.inferencegateway.epp.datastore;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link PoolDatastore}.
 *
 * @param clock the wall clock used to judge metric freshness
 * @param stalenessThreshold metrics older than this are stale ({@code --metrics-staleness-threshold}, 2s)
 * @param aggregatesInterval how often pool aggregates are computed
 *     ({@code --refresh-prometheus-metrics-interval}, 5s)
 */
public record DatastoreOptions(Clock clock, Duration stalenessThreshold, Duration aggregatesInterval) {
  /** The upstream staleness threshold. */
  public static final Duration DEFAULT_STALENESS_THRESHOLD = Duration.ofSeconds(2);
  /** The upstream pool-gauge refresh interval. */
  public static final Duration DEFAULT_AGGREGATES_INTERVAL = Duration.ofSeconds(5);

  public DatastoreOptions {
    Objects.requireNonNull(clock, "clock");
    requirePositive(stalenessThreshold, "--metrics-staleness-threshold");
    requirePositive(aggregatesInterval, "--refresh-prometheus-metrics-interval");
  }

  /** Returns the upstream defaults with the system clock. */
  public static DatastoreOptions defaults() {
    return new DatastoreOptions(Clock.systemUTC(), DEFAULT_STALENESS_THRESHOLD, DEFAULT_AGGREGATES_INTERVAL);
  }

  /** Returns a copy with {@code value} as the clock. */
  public DatastoreOptions withClock(Clock value) {
    return new DatastoreOptions(value, stalenessThreshold, aggregatesInterval);
  }

  /** Returns a copy with {@code value} as the staleness threshold. */
  public DatastoreOptions withStalenessThreshold(Duration value) {
    return new DatastoreOptions(clock, value, aggregatesInterval);
  }

  /** Returns a copy with {@code value} as the aggregates interval. */
  public DatastoreOptions withAggregatesInterval(Duration value) {
    return new DatastoreOptions(clock, stalenessThreshold, value);
  }

  static void requirePositive(Duration value, String flag) {
    Objects.requireNonNull(value, flag);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(flag + " must be > 0, got " + value);
    }
  }
}
