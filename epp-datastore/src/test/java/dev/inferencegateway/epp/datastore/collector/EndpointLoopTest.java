package dev.inferencegateway.epp.datastore.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EndpointLoopTest {
  private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(50);

  @Test
  void firstTick_isWithinOneInterval_onTheSharedGrid_andTheSameForTheSameName() {
    Set<Long> phases = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String name = "vllm-" + i + "-rank-0";
      for (long now : new long[] {-7_123_456_789L, 0, 1, 49_999_999, 123_456_789_012L}) {
        long tick = EndpointLoop.firstTick(now, INTERVAL, name);
        assertThat(tick - now).isPositive().isLessThanOrEqualTo(INTERVAL);
        long phase = Math.floorMod(tick, INTERVAL);
        assertThat(phase % (INTERVAL / EndpointLoop.PHASES)).isZero();
        assertThat(Math.floorMod(EndpointLoop.firstTick(now + 3, INTERVAL, name), INTERVAL)).isEqualTo(phase);
        phases.add(phase);
      }
    }
    assertThat(phases).hasSize(EndpointLoop.PHASES);
  }
}
