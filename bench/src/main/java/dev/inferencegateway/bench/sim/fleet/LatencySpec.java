package dev.inferencegateway.bench.sim.fleet;

import dev.inferencegateway.bench.sim.engine.LatencyProfile;
import java.time.Duration;

/**
 * The {@code latency} section of a fleet pool (Go durations such as {@code 30ms}, {@code 250us});
 * absent fields take llm-d-inference-sim's "8B on H100, per-token" profile.
 *
 * @param prefillOverhead default 30ms
 * @param prefillOverheadStdDev default 0s
 * @param prefillTimePerToken default 250us
 * @param interTokenLatency default 12ms
 * @param interTokenLatencyStdDev default 2ms
 * @param timeFactorUnderLoad default 2.0
 * @param loraLoadDelay default 200ms
 */
public record LatencySpec(
    Duration prefillOverhead,
    Duration prefillOverheadStdDev,
    Duration prefillTimePerToken,
    Duration interTokenLatency,
    Duration interTokenLatencyStdDev,
    Double timeFactorUnderLoad,
    Duration loraLoadDelay) {

  /** Applies defaults and validates through {@link LatencyProfile}. */
  public LatencySpec {
    LatencyProfile d = LatencyProfile.LLAMA_8B_H100;
    prefillOverhead = prefillOverhead == null ? d.prefillOverhead() : prefillOverhead;
    prefillOverheadStdDev = prefillOverheadStdDev == null ? d.prefillOverheadStdDev() : prefillOverheadStdDev;
    prefillTimePerToken = prefillTimePerToken == null ? d.prefillTimePerToken() : prefillTimePerToken;
    interTokenLatency = interTokenLatency == null ? d.interTokenLatency() : interTokenLatency;
    interTokenLatencyStdDev = interTokenLatencyStdDev == null ? d.interTokenLatencyStdDev() : interTokenLatencyStdDev;
    timeFactorUnderLoad = timeFactorUnderLoad == null ? d.timeFactorUnderLoad() : timeFactorUnderLoad;
    loraLoadDelay = loraLoadDelay == null ? d.loraLoadDelay() : loraLoadDelay;
    new LatencyProfile(prefillOverhead, prefillOverheadStdDev, prefillTimePerToken, interTokenLatency,
        interTokenLatencyStdDev, timeFactorUnderLoad, loraLoadDelay);
  }

  /** All defaults. */
  static LatencySpec defaults() {
    return new LatencySpec(null, null, null, null, null, null, null);
  }

  /** The engine's latency profile. */
  public LatencyProfile toProfile() {
    return new LatencyProfile(prefillOverhead, prefillOverheadStdDev, prefillTimePerToken, interTokenLatency,
        interTokenLatencyStdDev, timeFactorUnderLoad, loraLoadDelay);
  }
}
