package dev.inferencegateway.epp.plugins.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.request.InferenceResponse;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.testing.TestEndpoints;
import dev.inferencegateway.epp.plugins.Fixtures;
import dev.inferencegateway.epp.plugins.scorer.sessionaffinity.SessionAffinityScorer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The session token pins one endpoint and is echoed on the response. */
class SessionAffinityScorerTest {
  private final SessionAffinityScorer scorer = new SessionAffinityScorer("session");
  private final List<Endpoint> candidates = List.of(
      Fixtures.endpoint(0, TestEndpoints.metrics(0, 0)),
      Fixtures.endpoint(1, TestEndpoints.metrics(0, 0)),
      Fixtures.endpoint(2, TestEndpoints.metrics(0, 0)));

  static Stream<Arguments> tokens() {
    return Stream.of(
        Arguments.of("token of pod-1 scores it 1", token("default/pod-1-rank-0"), new double[] {0, 1, 0}),
        Arguments.of("url-safe alphabet accepted", urlToken("default/pod-2-rank-0"), new double[] {0, 0, 1}),
        Arguments.of("unknown endpoint scores all 0", token("default/pod-9-rank-0"), new double[] {0, 0, 0}),
        Arguments.of("other namespace scores all 0", token("prod/pod-1-rank-0"), new double[] {0, 0, 0}),
        Arguments.of("prefix of a name does not match", token("default/pod-1-rank"), new double[] {0, 0, 0}),
        Arguments.of("undecodable token scores all 0", "%%%not-base64", new double[] {0, 0, 0}),
        Arguments.of("no header scores all 0", null, new double[] {0, 0, 0}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokens")
  void score_followsToken(String name, String token, double[] expected) {
    InferenceRequest request = Fixtures.request("m",
        token == null ? Map.of() : Map.of(SessionAffinityScorer.SESSION_TOKEN_HEADER, token));

    assertThat(scorer.score(new CycleState(), request, candidates)).containsExactly(expected);
  }

  @Test
  void responseHeader_echoesServedEndpointToken() {
    InferenceRequest request = Fixtures.request("m");
    scorer.preRequest(request, Fixtures.scheduled(candidates.get(0)));
    InferenceResponse response = new InferenceResponse("req", Map.of(), false, Map.of(),
        Optional.of(candidates.get(2).metadata()));

    scorer.responseHeader(request, response);

    assertThat(response.headerMutations())
        .containsEntry(SessionAffinityScorer.SESSION_TOKEN_HEADER, token("default/pod-2-rank-0"));
  }

  @Test
  void responseHeader_fallsBackToScheduledEndpointWhenProxyDoesNotReport() {
    InferenceRequest request = Fixtures.request("m");
    scorer.preRequest(request, Fixtures.scheduled(candidates.get(1)));
    InferenceResponse response = new InferenceResponse("req", Map.of(), false, Map.of(), Optional.empty());

    scorer.responseHeader(request, response);

    assertThat(response.headerMutations())
        .containsEntry(SessionAffinityScorer.SESSION_TOKEN_HEADER, token("default/pod-1-rank-0"));
  }

  @Test
  void tokenRoundTrip_selectsSameEndpointNextTime() {
    String token = SessionAffinityScorer.tokenOf(candidates.get(2).metadata());
    InferenceRequest next = Fixtures.request("m", Map.of(SessionAffinityScorer.SESSION_TOKEN_HEADER, token));

    assertThat(scorer.score(new CycleState(), next, candidates)).containsExactly(0, 0, 1);
  }

  private static String token(String namespacedName) {
    return Base64.getEncoder().encodeToString(namespacedName.getBytes(StandardCharsets.UTF_8));
  }

  private static String urlToken(String namespacedName) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(namespacedName.getBytes(StandardCharsets.UTF_8));
  }
}
