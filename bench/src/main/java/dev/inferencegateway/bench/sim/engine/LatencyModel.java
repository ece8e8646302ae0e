package dev.inferencegateway.bench.sim.engine;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Samples prefill and decode durations from a {@link LatencyProfile} with a seeded random source. */
final class LatencyModel {
  private static final double MAX_STD_DEV_FRACTION = 0.3;
  private static final double MAX_DEVIATION_FRACTION = 0.7;

  private final LatencyProfile profile;
  private final int maxNumSeqs;
  private final RandomGenerator random;

  LatencyModel(LatencyProfile profile, int maxNumSeqs, RandomGenerator random) {
    this.profile = profile;
    this.maxNumSeqs = maxNumSeqs;
    this.random = random;
  }

  /** Prefill time of {@code uncachedTokens} prompt tokens while {@code running} requests run. */
  Duration prefill(int uncachedTokens, int running) {
    double overhead = sample(profile.prefillOverhead(), profile.prefillOverheadStdDev());
    double perToken = profile.prefillTimePerToken().toNanos() * (double) uncachedTokens;
    return Duration.ofNanos(Math.round((overhead + perToken) * loadFactor(running)));
  }

  /** Time to produce the next output token while {@code running} requests run. */
  Duration interToken(int running) {
    double itl = sample(profile.interTokenLatency(), profile.interTokenLatencyStdDev());
    return Duration.ofNanos(Math.round(itl * loadFactor(running)));
  }

  /** Time to load a LoRA adapter into a GPU slot. */
  Duration loraLoad() {
    return profile.loraLoadDelay();
  }

  /** 1.0 with one running request, rising linearly to time-factor-under-load at max-num-seqs. */
  double loadFactor(int running) {
    if (maxNumSeqs <= 1) {
      return running >= 1 ? profile.timeFactorUnderLoad() : 1.0;
    }
    int clamped = Math.clamp(running, 1, maxNumSeqs);
    return 1.0 + (profile.timeFactorUnderLoad() - 1.0) * (clamped - 1) / (maxNumSeqs - 1);
  }

  private double sample(Duration mean, Duration stdDev) {
    double meanNanos = mean.toNanos();
    double std = Math.min(stdDev.toNanos(), meanNanos * MAX_STD_DEV_FRACTION);
    if (std <= 0) {
      return meanNanos;
    }
    double value = random.nextGaussian(meanNanos, std);
    double spread = meanNanos * MAX_DEVIATION_FRACTION;
    return Math.clamp(value, meanNanos - spread, meanNanos + spread);
  }
}
