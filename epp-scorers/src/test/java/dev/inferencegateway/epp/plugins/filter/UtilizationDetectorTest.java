package dev.inferencegateway.epp.plugins.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.testing.TestEndpoints;
import dev.inferencegateway.epp.core.testing.TestHandles;
import dev.inferencegateway.epp.plugins.Fixtures;
import dev.inferencegateway.epp.plugins.filter.utilization.UtilizationDetector;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's utilization-detector cases: saturation as the mean of per-endpoint pressure, fail-open filter. */
class UtilizationDetectorTest {
  private static final Clock CLOCK = Clock.fixed(TestHandles.NOW, ZoneOffset.UTC);

  /** (queue, kv, age in ms; -1 = never scraped). */
  static Stream<Arguments> saturation() {
    return Stream.of(
        Arguments.of("no candidates is saturated", new double[][] {}, 1.0),
        Arguments.of("single endpoint, kv dominates", new double[][] {{2, 0.5, 0}}, 0.5 / 0.9),
        Arguments.of("stale metrics count 1.0", new double[][] {{1, 0.1, 200}}, 1.0),
        Arguments.of("never scraped counts 1.0", new double[][] {{0, 0, -1}}, 1.0),
        Arguments.of("high queue", new double[][] {{10, 0.1, 0}}, 2.0),
        Arguments.of("high kv", new double[][] {{1, 0.95, 0}}, 0.95 / 0.9),
        Arguments.of("two good endpoints averaged", new double[][] {{1, 0.1, 0}, {0, 0.2, 0}}, (0.2 + 0.2 / 0.9) / 2),
        Arguments.of("one good, one stale", new double[][] {{1, 0.1, 0}, {0, 0.2, 300}}, 0.6),
        Arguments.of("one good, one overloaded", new double[][] {{1, 0.1, 0}, {15, 0.2, 0}}, 1.6),
        Arguments.of("all bad", new double[][] {{1, 0.1, 200}, {20, 0.2, 0}, {1, 0.99, 0}}, (1.0 + 4.0 + 1.1) / 3),
        Arguments.of("queue exactly at threshold", new double[][] {{5, 0.1, 0}}, 1.0),
        Arguments.of("age just over staleness", new double[][] {{1, 0.1, 101}}, 1.0),
        Arguments.of("age exactly at staleness is fresh", new double[][] {{1, 0.1, 100}}, 0.2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("saturation")
  void saturation_isMeanPressure(String name, double[][] pods, double expected) {
    UtilizationDetector detector = detector(0.0, 0.9);

    assertThat(detector.saturation(endpoints(pods))).isCloseTo(expected, within(1e-4));
  }

  /** Limits with headroom 0.2: queue 6.0, kv 0.96. */
  static Stream<Arguments> filter() {
    return Stream.of(
        Arguments.of("all under thresholds pass", new double[][] {{1, 0.1, 0}, {4, 0.7, 0}}, List.of(0, 1)),
        Arguments.of("at threshold but under burst passes", new double[][] {{5, 0.8, 0}}, List.of(0)),
        Arguments.of("inside the headroom passes", new double[][] {{5, 0.9, 0}}, List.of(0)),
        Arguments.of("queue at burst limit dropped", new double[][] {{6, 0.1, 0}, {1, 0.1, 0}}, List.of(1)),
        Arguments.of("kv over burst dropped", new double[][] {{1, 0.97, 0}, {1, 0.5, 0}}, List.of(1)),
        Arguments.of("stale dropped", new double[][] {{1, 0.1, 500}, {1, 0.1, 0}}, List.of(1)),
        Arguments.of("never scraped dropped", new double[][] {{0, 0, -1}, {1, 0.1, 0}}, List.of(1)),
        Arguments.of("all stale fails open", new double[][] {{1, 0.1, 200}, {1, 0.1, 200}}, List.of(0, 1)),
        Arguments.of("all saturated fails open", new double[][] {{10, 0.1, 0}, {1, 0.99, 0}}, List.of(0, 1)),
        Arguments.of("no candidates", new double[][] {}, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filter")
  void filter_dropsOverloadedAndStaleButFailsOpen(String name, double[][] pods, List<Integer> kept) {
    List<Endpoint> candidates = endpoints(pods);

    List<Endpoint> result = detector(0.2, 0.8).filter(new CycleState(), Fixtures.request("m"), candidates);

    assertThat(result).containsExactlyElementsOf(kept.stream().map(candidates::get).toList());
  }

  @Test
  void highHeadroom_loadsWithWarning() {
    var handle = TestHandles.handle();

    Fixtures.create(UtilizationDetector.DESCRIPTOR, "u", "{\"headroom\": 2.0}", handle);

    assertThat(handle.warnings()).singleElement().asString().contains("'headroom'");
  }

  private static UtilizationDetector detector(double headroom, double kv) {
    return new UtilizationDetector("u",
        new UtilizationDetector.Parameters(5, kv, Duration.ofMillis(100), headroom), CLOCK);
  }

  private static List<Endpoint> endpoints(double[][] pods) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < pods.length; i++) {
      ModelServerMetrics metrics = pods[i][2] < 0 ? ModelServerMetrics.EMPTY
          : TestEndpoints.metrics((int) pods[i][0], pods[i][1]).toBuilder()
              .updateTime(TestHandles.NOW.minusMillis((long) pods[i][2])).build();
      endpoints.add(Fixtures.endpoint(i, metrics));
    }
    return endpoints;
  }
}
