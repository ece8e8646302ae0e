package dev.inferencegateway.epp.plugins.scorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.Scorer;
import dev.inferencegateway.epp.core.testing.TestEndpoints;
import dev.inferencegateway.epp.plugins.Fixtures;
import dev.inferencegateway.epp.plugins.producer.inflightload.InFlightLoad;
import dev.inferencegateway.epp.plugins.producer.prefix.PrefixCacheMatchInfo;
import dev.inferencegateway.epp.plugins.scorer.prefix.PrefixCacheScorer;
import dev.inferencegateway.epp.plugins.scorer.tokenload.TokenLoadScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pins the formulas of the scorers that read producer attributes: prefix cache and token load. */
class AttributeScorersTest {
  private static final PrefixCacheScorer PREFIX = new PrefixCacheScorer("prefix");
  private static final TokenLoadScorer TOKENS =
      new TokenLoadScorer("tokens", new TokenLoadScorer.Parameters(1000L));

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("prefix: match over total", PREFIX,
            prefix(new PrefixCacheMatchInfo(3, 4, 16), new PrefixCacheMatchInfo(0, 4, 16)), new double[] {0.75, 0}),
        Arguments.of("prefix: full match", PREFIX, prefix(new PrefixCacheMatchInfo(8, 8, 16)), new double[] {1}),
        Arguments.of("prefix: prompt shorter than a block", PREFIX,
            prefix(new PrefixCacheMatchInfo(0, 0, 16)), new double[] {0}),
        Arguments.of("prefix: attribute missing scores 0", PREFIX, prefix((PrefixCacheMatchInfo) null), new double[] {0}),
        Arguments.of("prefix: all equal", PREFIX,
            prefix(new PrefixCacheMatchInfo(2, 4, 16), new PrefixCacheMatchInfo(2, 4, 16)), new double[] {0.5, 0.5}),
        Arguments.of("prefix: no candidates", PREFIX, prefix(), new double[] {}),
        Arguments.of("tokens: one minus load over threshold", TOKENS,
            load(new InFlightLoad(1, 250), new InFlightLoad(2, 0)), new double[] {0.75, 1}),
        Arguments.of("tokens: at and above threshold 0", TOKENS,
            load(new InFlightLoad(3, 1000), new InFlightLoad(9, 5000)), new double[] {0, 0}),
        Arguments.of("tokens: attribute missing counts as idle", TOKENS, load((InFlightLoad) null), new double[] {1}),
        Arguments.of("tokens: all equal", TOKENS,
            load(new InFlightLoad(1, 500), new InFlightLoad(1, 500)), new double[] {0.5, 0.5}),
        Arguments.of("tokens: no candidates", TOKENS, load(), new double[] {}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void score_pinsFormula(String name, Scorer scorer, List<Endpoint> candidates, double[] expected) {
    double[] scores = scorer.score(new CycleState(), Fixtures.request("m"), candidates);

    assertThat(scores).containsExactly(expected, within(1e-9));
  }

  private static List<Endpoint> prefix(PrefixCacheMatchInfo... infos) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < infos.length; i++) {
      Endpoint e = Fixtures.endpoint(i, TestEndpoints.metrics(0, 0));
      if (infos[i] != null) {
        e.attributes().put(PrefixCacheMatchInfo.KEY, infos[i]);
      }
      endpoints.add(e);
    }
    return endpoints;
  }

  private static List<Endpoint> load(InFlightLoad... loads) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < loads.length; i++) {
      Endpoint e = Fixtures.endpoint(i, TestEndpoints.metrics(0, 0));
      if (loads[i] != null) {
        e.attributes().put(InFlightLoad.KEY, loads[i]);
      }
      endpoints.add(e);
    }
    return endpoints;
  }
}
