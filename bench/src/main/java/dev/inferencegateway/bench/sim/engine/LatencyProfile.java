package dev.inferencegateway.bench.sim.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * The latency parameters of a simulated engine, named after llm-d-inference-sim's per-token
 * calculator: TTFT = prefill overhead + uncached prompt tokens x prefill time per token; every
 * further token takes one inter-token latency; both are multiplied by a load factor that grows
 * from 1 (one running request) to {@code timeFactorUnderLoad} (max-num-seqs running).
 *
 * <p>Standard deviations are capped at 30 % of their mean and samples are clamped to the mean
 * +/- 70 %, as in llm-d-inference-sim.
 *
 * @param prefillOverhead fixed cost of a prefill
 * @param prefillOverheadStdDev standard deviation of the prefill overhead
 * @param prefillTimePerToken prefill cost of each prompt token not found in the prefix cache
 * @param interTokenLatency time between two output tokens of one request
 * @param interTokenLatencyStdDev standard deviation of the inter-token latency
 * @param timeFactorUnderLoad latency multiplier when max-num-seqs requests run (>= 1)
 * @param loraLoadDelay time to load a LoRA adapter into a GPU slot
 */
public record LatencyProfile(
    Duration prefillOverhead,
    Duration prefillOverheadStdDev,
    Duration prefillTimePerToken,
    Duration interTokenLatency,
    Duration interTokenLatencyStdDev,
    double timeFactorUnderLoad,
    Duration loraLoadDelay) {

  /** llm-d-inference-sim's "8B on H100, per-token" profile with a 200 ms adapter load. */
  public static final LatencyProfile LLAMA_8B_H100 = new LatencyProfile(
      Duration.ofMillis(30), Duration.ZERO, Duration.ofNanos(250_000), Duration.ofMillis(12),
      Duration.ofMillis(2), 2.0, Duration.ofMillis(200));

  /** No latency at all: every step completes as soon as the clock runs it. */
  public static final LatencyProfile INSTANT = new LatencyProfile(
      Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 1.0, Duration.ZERO);

  /** Validates every field. */
  public LatencyProfile {
    requireNonNegative("prefill-overhead", prefillOverhead);
    requireNonNegative("prefill-overhead-std-dev", prefillOverheadStdDev);
    requireNonNegative("prefill-time-per-token", prefillTimePerToken);
    requireNonNegative("inter-token-latency", interTokenLatency);
    requireNonNegative("inter-token-latency-std-dev", interTokenLatencyStdDev);
    requireNonNegative("lora-load-delay", loraLoadDelay);
    if (!(timeFactorUnderLoad >= 1.0) || Double.isInfinite(timeFactorUnderLoad)) {
      throw new IllegalArgumentException("'time-factor-under-load' must be a finite number >= 1.0, got "
          + timeFactorUnderLoad);
    }
  }

  private static void requireNonNegative(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException("'" + field + "' must not be negative, got " + value);
    }
  }
}
