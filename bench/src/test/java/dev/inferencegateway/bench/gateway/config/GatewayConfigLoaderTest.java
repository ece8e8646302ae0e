package dev.inferencegateway.bench.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayConfigLoaderTest {
  private static final String MINIMAL = """
      pools:
        - name: p
          endpointPickerRef: {address: localhost:9002}
      routes:
        - name: r
          rules:
            - backendRefs: [{name: p}]
      """;

  @Test
  void bundledSeedRoutes_load() {
    GatewayConfig config = GatewayConfigLoader.load("classpath:gateway/seed-routes.yaml");

    assertThat(config.listen()).isEqualTo("localhost:8080");
    assertThat(config.bbr().address()).isEqualTo("localhost:9004");
    assertThat(config.bbr().tls()).isTrue();
    assertThat(config.pools()).extracting(InferencePoolSpec::name)
        .containsExactly("vllm-llama3-8b-instruct", "vllm-deepseek-r1");
    assertThat(config.pool("vllm-deepseek-r1").endpointPickerRef().failureMode()).isEqualTo(FailureMode.FAIL_CLOSE);
    RouteRule rule = config.routes().get(0).rules().get(0);
    assertThat(rule.matches().get(0).headers()).containsExactly(
        HeaderMatch.exact("X-Gateway-Base-Model-Name", "meta-llama/Llama-3.1-8B-Instruct"));
    assertThat(rule.timeouts().request()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void defaults_followInferencePoolAndGatewayApi() {
    GatewayConfig config = GatewayConfigLoader.parse(MINIMAL, "minimal.yaml");

    EndpointPickerRef epp = config.pool("p").endpointPickerRef();
    assertThat(epp.tls()).isTrue();
    assertThat(epp.failureMode()).isEqualTo(FailureMode.FAIL_CLOSE);
    assertThat(epp.hasSubsetHint()).isFalse();
    RouteRule rule = config.routes().get(0).rules().get(0);
    assertThat(rule.matches()).containsExactly(new RouteMatch(PathMatch.ANY, List.of()));
    assertThat(rule.backendRefs().get(0)).isEqualTo(new BackendRef("inference.networking.k8s.io", "InferencePool",
        "p", 1));
    assertThat(config.bbr()).isNull();
    assertThat(config.timeouts()).isEqualTo(GatewayTimeouts.defaults());
    assertThat(config.timeouts().extProcMessage()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void unknownKey_namesFileAndField() {
    String yaml = MINIMAL.replace("address: localhost:9002", "address: localhost:9002, failMode: FailOpen");

    assertThatThrownBy(() -> GatewayConfigLoader.parse(yaml, "routes.yaml"))
        .isInstanceOf(GatewayConfigException.class)
        .hasMessageContaining("gateway route file routes.yaml")
        .hasMessageContaining("field 'pools[0].endpointPickerRef.failMode'")
        .hasMessageContaining("unknown key").hasMessageContaining("failureMode");
  }

  @Test
  void badFailureMode_listsTheAllowedValues() {
    String yaml = MINIMAL.replace("address: localhost:9002", "address: localhost:9002, failureMode: Open");

    assertThatThrownBy(() -> GatewayConfigLoader.parse(yaml, "routes.yaml"))
        .hasMessageContaining("field 'pools[0].endpointPickerRef.failureMode'")
        .hasMessageContaining("[FailOpen, FailClose]");
  }

  @Test
  void backendRefToAnUndefinedPool_isAnError() {
    String yaml = MINIMAL.replace("backendRefs: [{name: p}]", "backendRefs: [{name: q}]");

    assertThatThrownBy(() -> GatewayConfigLoader.parse(yaml, "routes.yaml"))
        .hasMessageContaining("field 'routes[0].rules[0].backendRefs[0].name'")
        .hasMessageContaining("names no pool: 'q' (pools: p)");
  }

  @Test
  void failOpenWithoutEndpoints_isAnError() {
    String yaml = MINIMAL.replace("address: localhost:9002", "address: localhost:9002, failureMode: FailOpen");

    assertThatThrownBy(() -> GatewayConfigLoader.parse(yaml, "routes.yaml"))
        .hasMessageContaining("field 'pools[0].endpoints'").hasMessageContaining("FailOpen");
  }

  @Test
  void badValues_areNamed() {
    assertThatThrownBy(() -> GatewayConfigLoader.parse(MINIMAL.replace("localhost:9002", "localhost"), "f"))
        .hasMessageContaining("field 'pools[0].endpointPickerRef.address'").hasMessageContaining("host:port");
    assertThatThrownBy(() -> GatewayConfigLoader.parse(MINIMAL + "timeouts: {connect: 5 seconds}\n", "f"))
        .hasMessageContaining("field 'timeouts.connect'");
    assertThatThrownBy(() -> GatewayConfigLoader.parse(MINIMAL.replace("{name: p}", "{name: p, kind: Service}"),
        "f")).hasMessageContaining("field 'routes[0].rules[0].backendRefs[0].kind'");
    assertThatThrownBy(() -> GatewayConfigLoader.parse(MINIMAL.replace("- backendRefs: [{name: p}]",
        "- backendRefs: [{name: p}]\n        matches: [{path: {value: v1}}]"), "f"))
        .hasMessageContaining("field 'routes[0].rules[0].matches[0].path.value'")
        .hasMessageContaining("must start with '/'");
  }

  @Test
  void invalidYaml_namesTheLine() {
    assertThatThrownBy(() -> GatewayConfigLoader.parse("pools: [\n  {name: p\n", "broken.yaml"))
        .hasMessageContaining("broken.yaml: is not valid YAML (line ");
  }

  @Test
  void emptyOrMissingFile_isAnError() {
    assertThatThrownBy(() -> GatewayConfigLoader.parse("", "empty.yaml")).hasMessageContaining("empty.yaml: is empty");
    assertThatThrownBy(() -> GatewayConfigLoader.load("/nonexistent/routes.yaml"))
        .hasMessageContaining("/nonexistent/routes.yaml: cannot be read");
    assertThatThrownBy(() -> GatewayConfigLoader.load("classpath:gateway/none.yaml"))
        .hasMessageContaining("no such resource");
  }
}
