package dev.inferencegateway.bench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PoissonArrivalsTest {
  private static long[] gaps(double rate, long seed, int n) {
    PoissonArrivals arrivals = new PoissonArrivals(rate, seed);
    return LongStream.range(0, n).map(i -> arrivals.nextGapNanos()).toArray();
  }

  @Test
  void sameSeed_givesTheSameSchedule_otherSeedsDiffer() {
    assertThat(gaps(250, 42, 1_000)).isEqualTo(gaps(250, 42, 1_000));
    assertThat(gaps(250, 42, 1_000)).isNotEqualTo(gaps(250, 43, 1_000));
  }

  @Test
  void gapsAreExponentialWithMeanOneOverRate() {
    long[] gaps = gaps(100, 7, 50_000);
    double mean = LongStream.of(gaps).average().orElseThrow();
    double variance = LongStream.of(gaps).mapToDouble(g -> (g - mean) * (g - mean)).sum() / gaps.length;

    assertThat(mean).isCloseTo(10_000_000, org.assertj.core.data.Percentage.withPercentage(2));
    assertThat(Math.sqrt(variance) / mean).as("coefficient of variation of an exponential").isBetween(0.97, 1.03);
    assertThat(LongStream.of(gaps).min().orElseThrow()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void rateMustBePositive() {
    assertThatThrownBy(() -> new PoissonArrivals(0, 1)).hasMessageContaining("rate must be > 0");
  }
}
