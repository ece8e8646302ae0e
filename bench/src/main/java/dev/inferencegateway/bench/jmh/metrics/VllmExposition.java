package dev.inferencegateway.bench.jmh.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The realistic ~8 KB vLLM v1 {@code /metrics} exposition used by the parser benchmark and the
 * scrape-cost harness: gauges, counters, LoRA and cache-config info, and the TTFT/TPOT histograms
 * with the {@code engine} label.
 */
public final class VllmExposition {
  private static final String RESOURCE = "/dev/inferencegateway/bench/jmh/metrics/vllm-exposition.prom";

  private VllmExposition() {}

  /** Returns the exposition bytes. */
  public static byte[] bytes() {
    try (InputStream in = VllmExposition.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
