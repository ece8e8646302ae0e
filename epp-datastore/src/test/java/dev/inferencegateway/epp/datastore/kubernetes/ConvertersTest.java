package dev.inferencegateway.epp.datastore.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.epp.core.datastore.ModelRewrite;
import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.datastore.rewrite.RewriteRule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConvertersTest {
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private static GenericKubernetesResource parse(String yaml) {
    return YAML.unmarshal(yaml, GenericKubernetesResource.class);
  }

  @Test
  void rewrite_readsCreationTimeMatchesAndWeightsAndSkipsBadRules() {
    RewriteConverter.Converted converted = RewriteConverter.convert(parse("""
        apiVersion: inference.networking.x-k8s.io/v1alpha2
        kind: InferenceModelRewrite
        metadata: {name: r, namespace: ns, creationTimestamp: "2026-01-02T03:04:05Z"}
        spec:
          poolRef: {name: pool}
          rules:
          - matches: [{model: {type: Exact, value: a}}, {model: {value: b}}]
            targets: [{modelRewrite: a1, weight: 3}, {modelRewrite: a2}]
          - targets: []
          - targets: [{modelRewrite: x, weight: 0}]
          - targets: [{weight: 1}]
        """));

    assertThat(converted.rules()).containsExactly(new RewriteRule("r", Instant.parse("2026-01-02T03:04:05Z"), 0,
        Set.of("a", "b"), List.of(new ModelRewrite.Target("a1", 3), new ModelRewrite.Target("a2", 0))));
    assertThat(converted.problems()).containsExactly("spec.rules[1]: targets is empty",
        "spec.rules[2]: targets[0].weight must be in 1..1000000, got 0",
        "spec.rules[3]: targets[0].modelRewrite is missing");
  }

  @Test
  void objective_unsetPriorityIsZeroAndNonIntegerIsRejected() {
    assertThat(ObjectiveConverter.convert(parse("""
        apiVersion: llm-d.ai/v1alpha2
        kind: InferenceObjective
        metadata: {name: o, namespace: ns}
        spec: {poolRef: {name: pool}}
        """))).isEqualTo(new Objective("o", 0));
    assertThatThrownBy(() -> ObjectiveConverter.convert(parse("""
        apiVersion: llm-d.ai/v1alpha2
        kind: InferenceObjective
        metadata: {name: o, namespace: ns}
        spec: {poolRef: {name: pool}, priority: high}
        """))).hasMessage("priority must be an integer, got high");
  }

  @Test
  void poolRef_groupDefaultsDependOnTheResourceGroup() {
    String template = """
        apiVersion: %s/v1alpha2
        kind: InferenceObjective
        metadata: {name: o, namespace: ns}
        spec: {poolRef: %s}
        """;
    assertThat(PoolRef.matches(parse(template.formatted("llm-d.ai", "{name: pool, group: llm-d.ai}")), "pool")).isTrue();
    assertThat(PoolRef.matches(parse(template.formatted("inference.networking.x-k8s.io",
        "{name: pool, group: llm-d.ai}")), "pool")).isFalse();
    assertThat(PoolRef.matches(parse(template.formatted("inference.networking.x-k8s.io",
        "{name: pool, group: inference.networking.k8s.io, kind: InferencePool}")), "pool")).isTrue();
    assertThat(PoolRef.matches(parse(template.formatted("inference.networking.x-k8s.io",
        "{name: pool, kind: Service}")), "pool")).isFalse();
    assertThat(PoolRef.matches(parse(template.formatted("inference.networking.x-k8s.io", "{name: other}")), "pool"))
        .isFalse();
  }

  @Test
  void pool_specIsReadWithDefaultsAndValidated() {
    assertThat(PoolConverter.convert(parse("""
        apiVersion: inference.networking.k8s.io/v1
        kind: InferencePool
        metadata: {name: p, namespace: ns}
        spec: {selector: {matchLabels: {app: vllm}}, targetPorts: [{number: 8000}], appProtocol: kubernetes.io/h2c}
        """)).appProtocol()).isEqualTo("kubernetes.io/h2c");
    assertThatThrownBy(() -> PoolConverter.convert(parse("""
        apiVersion: inference.networking.k8s.io/v1
        kind: InferencePool
        metadata: {name: p, namespace: ns}
        spec: {selector: {matchLabels: {app: vllm}}, targetPorts: [{number: 0}]}
        """))).hasMessage("spec.targetPorts[0].number must be a port number");
    assertThatThrownBy(() -> PoolConverter.convert(parse("""
        apiVersion: inference.networking.k8s.io/v1
        kind: InferencePool
        metadata: {name: p, namespace: ns}
        spec: {selector: {}, targetPorts: [{number: 8000}]}
        """))).hasMessage("spec.selector.matchLabels is missing or empty");
  }
}
