package dev.inferencegateway.epp.datastore.collector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointLoopTest {
  private static final long INTERVAL = 50;

  @Test
  void nextTick_isOneIntervalLater_whenPollingKeptUp() {
    assertThat(EndpointLoop.nextTick(1_000, INTERVAL, 1_020)).isEqualTo(1_050);
    assertThat(EndpointLoop.nextTick(1_000, INTERVAL, 1_050)).isEqualTo(1_050);
  }

  @Test
  void nextTick_skipsMissedTicks_andKeepsThePhase() {
    assertThat(EndpointLoop.nextTick(1_000, INTERVAL, 1_051)).isEqualTo(1_100);
    assertThat(EndpointLoop.nextTick(1_000, INTERVAL, 1_234)).isEqualTo(1_250);
  }
}
