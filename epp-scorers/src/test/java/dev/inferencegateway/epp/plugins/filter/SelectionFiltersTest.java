package dev.inferencegateway.epp.plugins.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.testing.TestEndpoints;
import dev.inferencegateway.epp.plugins.Fixtures;
import dev.inferencegateway.epp.plugins.filter.bylabel.ByLabelFilter;
import dev.inferencegateway.epp.plugins.filter.headertesting.HeaderBasedTestingFilter;
import dev.inferencegateway.epp.plugins.filter.prefixaffinity.PrefixCacheAffinityFilter;
import dev.inferencegateway.epp.plugins.producer.prefix.PrefixCacheMatchInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The header-based testing filter, the by-label filter and the prefix-cache affinity filter. */
class SelectionFiltersTest {
  private static final List<Endpoint> HOSTS = List.of(
      new Endpoint(Fixtures.labelled("a", "10.0.0.1", 8000, Map.of()), TestEndpoints.metrics(0, 0)),
      new Endpoint(Fixtures.labelled("b", "10.0.0.2", 8000, Map.of()), TestEndpoints.metrics(0, 0)),
      new Endpoint(Fixtures.labelled("c", "fd00::3", 8000, Map.of()), TestEndpoints.metrics(0, 0)),
      new Endpoint(Fixtures.labelled("d", "10.0.0.2", 8001, Map.of()), TestEndpoints.metrics(0, 0)));

  static Stream<Arguments> headers() {
    return Stream.of(
        Arguments.of("single IPv4", "10.0.0.1", List.of("a")),
        Arguments.of("IPv4 with port", "10.0.0.2:8001", List.of("d")),
        Arguments.of("bare address matches every port", "10.0.0.2", List.of("b", "d")),
        Arguments.of("order follows the header", "10.0.0.2:8000, 10.0.0.1", List.of("b", "a")),
        Arguments.of("IPv6 without brackets", "fd00::3", List.of("c")),
        Arguments.of("IPv6 with brackets", "[fd00::3]", List.of("c")),
        Arguments.of("IPv6 with brackets and port", "[fd00::3]:8000", List.of("c")),
        Arguments.of("IPv6 wrong port", "[fd00::3]:9000", List.of()),
        Arguments.of("unknown address skipped", "256.256.256.256,10.0.0.1", List.of("a")),
        Arguments.of("duplicates kept once", "10.0.0.1,10.0.0.1:8000", List.of("a")),
        Arguments.of("blank header keeps nothing", "  ", List.of()),
        Arguments.of("absent header keeps nothing", null, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headers")
  void headerBasedTestingFilter_keepsListedEndpoints(String name, String header, List<String> expected) {
    var request = Fixtures.request("m", header == null ? Map.of() : Map.of(HeaderBasedTestingFilter.HEADER, header));

    List<Endpoint> kept = new HeaderBasedTestingFilter("h").filter(new CycleState(), request, HOSTS);

    assertThat(kept).extracting(e -> e.metadata().podName()).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> labels() {
    return Stream.of(
        Arguments.of("match app nginx", "{\"label\":\"app\",\"validValues\":[\"nginx\"]}", List.of("nginx-1", "nginx-2")),
        Arguments.of("exact version", "{\"label\":\"version\",\"validValues\":[\"v1.0\"]}", List.of("nginx-1")),
        Arguments.of("only pods without the label", "{\"label\":\"tier\",\"allowsNoLabel\":true}", List.of("no-tier")),
        Arguments.of("all known values", "{\"label\":\"tier\",\"validValues\":[\"frontend\",\"backend\",\"system\"]}",
            List.of("nginx-1", "nginx-2", "coredns-1", "redis-1")),
        Arguments.of("values or no label", "{\"label\":\"tier\",\"validValues\":[\"system\"],\"allowsNoLabel\":true}",
            List.of("coredns-1", "no-tier")),
        Arguments.of("nothing matches", "{\"label\":\"app\",\"validValues\":[\"postgres\"]}", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labels")
  void byLabel_keepsAllowedValues(String name, String parameters, List<String> expected) {
    List<Endpoint> pods = List.of(
        pod("nginx-1", Map.of("app", "nginx", "version", "v1.0", "tier", "frontend")),
        pod("nginx-2", Map.of("app", "nginx", "version", "v1.1", "tier", "frontend")),
        pod("coredns-1", Map.of("app", "coredns", "tier", "system")),
        pod("redis-1", Map.of("app", "redis", "tier", "backend")),
        pod("no-tier", Map.of("app", "unknown")));
    var filter = (ByLabelFilter) Fixtures.create(ByLabelFilter.DESCRIPTOR, "by-label", parameters, null);

    assertThat(filter.filter(new CycleState(), Fixtures.request("m"), pods))
        .extracting(e -> e.metadata().podName()).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> affinity() {
    return Stream.of(
        Arguments.of("narrows to sticky endpoints", new double[] {0.9, 0.5, 0.8}, 0.8, 0.0, List.of(0, 2)),
        Arguments.of("none sticky keeps all", new double[] {0.1, 0.5, 0.7}, 0.8, 0.0, List.of(0, 1, 2)),
        Arguments.of("missing match info is not sticky", new double[] {-1, 1.0}, 0.8, 0.0, List.of(1)),
        Arguments.of("single candidate kept", new double[] {0.0}, 0.8, 0.0, List.of(0)),
        Arguments.of("threshold 0 keeps all", new double[] {1.0, 0.0}, 0.0, 0.0, List.of(0, 1)),
        Arguments.of("exploration always skips the gate", new double[] {1.0, 0.0}, 0.8, 1.0, List.of(0, 1)),
        Arguments.of("all sticky keeps all", new double[] {1.0, 0.9}, 0.8, 0.0, List.of(0, 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("affinity")
  void prefixCacheAffinity_keepsStickyEndpoints(String name, double[] ratios, double threshold,
      double exploration, List<Integer> expected) {
    List<Endpoint> candidates = new ArrayList<>();
    for (int i = 0; i < ratios.length; i++) {
      Endpoint e = Fixtures.endpoint(i, TestEndpoints.metrics(0, 0));
      if (ratios[i] >= 0) {
        e.attributes().put(PrefixCacheMatchInfo.KEY, new PrefixCacheMatchInfo((int) Math.round(ratios[i] * 10), 10, 16));
      }
      candidates.add(e);
    }
    var filter = new PrefixCacheAffinityFilter("f",
        new PrefixCacheAffinityFilter.Parameters(threshold, exploration, 5000.0), new Random(1));

    assertThat(filter.filter(new CycleState(), Fixtures.request("m"), candidates))
        .containsExactlyElementsOf(expected.stream().map(candidates::get).toList());
  }

  @Test
  void prefixCacheAffinity_exploresAtTheConfiguredRate() {
    List<Endpoint> candidates = List.of(Fixtures.endpoint(0, TestEndpoints.metrics(0, 0)),
        Fixtures.endpoint(1, TestEndpoints.metrics(0, 0)));
    candidates.get(0).attributes().put(PrefixCacheMatchInfo.KEY, new PrefixCacheMatchInfo(4, 4, 16));
    var filter = new PrefixCacheAffinityFilter("f", new PrefixCacheAffinityFilter.Parameters(0.8, 0.1, 5000.0),
        new Random(3));
    int explored = 0;

    for (int i = 0; i < 10_000; i++) {
      if (filter.filter(new CycleState(), Fixtures.request("m"), candidates).size() == 2) {
        explored++;
      }
    }

    assertThat(explored / 10_000.0).isBetween(0.09, 0.11);
  }

  private static Endpoint pod(String name, Map<String, String> labels) {
    return new Endpoint(Fixtures.labelled(name, "10.1.0.1", 8000, labels), TestEndpoints.metrics(0, 0));
  }
}
