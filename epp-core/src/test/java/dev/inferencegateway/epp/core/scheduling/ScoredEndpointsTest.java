package dev.inferencegateway.epp.core.scheduling;

import static dev.inferencegateway.epp.core.testing.TestEndpoints.endpoint;
import static dev.inferencegateway.epp.core.testing.TestEndpoints.metrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoredEndpointsTest {
  private final Endpoint a = endpoint("a", "10.0.0.1", metrics(0, 0.1));
  private final Endpoint b = endpoint("b", "10.0.0.2", metrics(1, 0.2));

  @Test
  void pairsEachEndpointWithItsTotal_andEqualsTheMaterializedList() {
    List<ScoredEndpoint> scored = new ScoredEndpoints(List.of(a, b), new double[] {0.5, 2.0});

    assertThat(scored).hasSize(2);
    assertThat(scored.get(1).endpoint()).isSameAs(b);
    assertThat(scored.get(1).score()).isEqualTo(2.0);
    assertThat(scored).isEqualTo(List.of(new ScoredEndpoint(a, 0.5), new ScoredEndpoint(b, 2.0)));
    assertThat(scored.toArray(new ScoredEndpoint[0])).containsExactly(
        new ScoredEndpoint(a, 0.5), new ScoredEndpoint(b, 2.0));
  }

  @Test
  void isUnmodifiable() {
    List<ScoredEndpoint> scored = new ScoredEndpoints(List.of(a), new double[] {1.0});

    assertThatThrownBy(() -> scored.set(0, new ScoredEndpoint(b, 0))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> scored.add(new ScoredEndpoint(b, 0))).isInstanceOf(UnsupportedOperationException.class);
  }
}
