package dev.inferencegateway.bench.sim.engine;

import dev.inferencegateway.bench.sim.time.ManualSimTime;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** Builds engines on virtual time with round latency numbers, for exact assertions. */
final class EngineFixture {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  /** 30 ms overhead, 1 ms per prompt token, 10 ms between tokens, x2 at full batch, 200 ms adapter load. */
  static final LatencyProfile ROUND = new LatencyProfile(Duration.ofMillis(30), Duration.ZERO, Duration.ofMillis(1),
      Duration.ofMillis(10), Duration.ZERO, 2.0, Duration.ofMillis(200));

  final ManualSimTime time = new ManualSimTime(START);
  final ModelEngine engine;

  EngineFixture(int maxNumSeqs, int maxLoras, int numGpuBlocks) {
    this(new EngineConfig(maxNumSeqs, 100, maxLoras, 16, numGpuBlocks, ROUND));
  }

  EngineFixture(EngineConfig config) {
    this.engine = new ModelEngine(config, true, time, new SplittableRandom(7));
  }

  /** A prompt of exactly {@code tokens} tokens, distinct per {@code tag}. */
  static String prompt(String tag, int tokens) {
    StringBuilder text = new StringBuilder(tag);
    while (text.length() < tokens * Tokens.CHARS_PER_TOKEN) {
      text.append(" lorem ipsum ").append(text.length());
    }
    return text.substring(0, tokens * Tokens.CHARS_PER_TOKEN);
  }

  RecordingSink submit(String adapter, String prompt, int outputTokens) throws EngineRejectedException {
    RecordingSink sink = new RecordingSink();
    engine.submit(new GenerationRequest(adapter, prompt, null, outputTokens, outputTokens), sink);
    return sink;
  }

  /** Submits and runs the clock until everything is done. */
  RecordingSink complete(String adapter, String prompt, int outputTokens) throws EngineRejectedException {
    RecordingSink sink = submit(adapter, prompt, outputTokens);
    time.runUntilIdle();
    return sink;
  }
}
