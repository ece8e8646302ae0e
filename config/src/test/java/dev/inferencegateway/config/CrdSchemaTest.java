package dev.inferencegateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.config.testing.CrdCatalog;
import dev.inferencegateway.config.testing.YamlDocuments;
import org.junit.jupiter.api.Test;

/** Objects as users write them pass the CRD schemas; malformed ones fail with the field named. */
class CrdSchemaTest {

    private static final CrdCatalog CRDS = CrdCatalog.load();

    private static final String POOL = """
            apiVersion: inference.networking.k8s.io/v1
            kind: InferencePool
            metadata:
              name: vllm-deepseek-r1
            spec:
              targetPorts:
              - number: 8000
              selector:
                matchLabels:
                  app: vllm-deepseek-r1
              endpointPickerRef:
                name: vllm-deepseek-r1-epp
                port:
                  number: 9002
                failureMode: FailOpen
            """;

    private static java.util.List<String> violations(String yaml) {
        return CRDS.violations(YamlDocuments.read(yaml).get(0));
    }

    @Test
    void poolsAsTheChartAndTheConformanceSuiteWriteThemAreValid() {
        assertThat(violations(POOL)).isEmpty();
        assertThat(violations("""
                apiVersion: inference.networking.k8s.io/v1
                kind: InferencePool
                metadata:
                  name: primary-inference-pool
                spec:
                  selector:
                    matchLabels:
                      app: primary-inference-model-server
                  targetPorts: [{number: 3000}, {number: 3002}, {number: 3004}]
                  appProtocol: kubernetes.io/h2c
                """)).isEmpty();
    }

    @Test
    void malformedPoolsNameTheField() {
        assertThat(violations(POOL.replace("FailOpen", "Open")))
                .containsExactly("spec.endpointPickerRef.failureMode: \"Open\" is not one of [\"FailOpen\",\"FailClose\"]");
        assertThat(violations(POOL.replace("number: 8000", "number: 0")))
                .containsExactly("spec.targetPorts[0].number: 0 is less than 1");
        assertThat(violations(POOL.replace("""
                  selector:
                    matchLabels:
                      app: vllm-deepseek-r1
                """, ""))).containsExactly("spec.selector: required");
        assertThat(violations(POOL.replace("app: vllm-deepseek-r1", "app: deepseek/vllm-deepseek-r1")))
                .singleElement().asString().startsWith("spec.selector.matchLabels.app: \"deepseek/vllm-deepseek-r1\" "
                        + "does not match");
        assertThat(violations(POOL.replace("targetPorts:", "targetPort:")))
                .contains("spec.targetPorts: required", "spec.targetPort: unknown field");
        assertThat(violations(POOL.replace("- number: 8000", "- number: 8000\n  - number: 8001\n  - number: 8002\n"
                + "  - number: 8003\n  - number: 8004\n  - number: 8005\n  - number: 8006\n  - number: 8007\n"
                + "  - number: 8008"))).containsExactly("spec.targetPorts: more than 8 items");
        assertThat(violations(POOL.replace("port:\n      number: 9002", "port:\n      number: \"9002\"")))
                .containsExactly("spec.endpointPickerRef.port.number: must be of type integer, got string");
    }

    @Test
    void theOldAlphaPoolApiIsNotServed() {
        assertThat(CRDS.forObject(YamlDocuments.read(POOL.replace("inference.networking.k8s.io/v1",
                "inference.networking.x-k8s.io/v1alpha2")).get(0))).isEmpty();
    }

    @Test
    void objectivesWithAnyPriorityAreValid() {
        String objective = """
                apiVersion: inference.networking.x-k8s.io/v1alpha2
                kind: InferenceObjective
                metadata:
                  name: food-review
                spec:
                  priority: %s
                  poolRef:
                    name: vllm-llama3-8b-instruct
                """;

        assertThat(violations(objective.formatted("10"))).isEmpty();
        assertThat(violations(objective.formatted("-5"))).isEmpty();
        assertThat(violations(objective.formatted("high")))
                .containsExactly("spec.priority: must be of type integer, got string");
        assertThat(violations(objective.formatted("1").replace("    name: vllm-llama3-8b-instruct\n", "    {}\n")))
                .containsExactly("spec.poolRef.name: required");
    }

    @Test
    void rewritesNeedTargetsAndWeightsWithinBounds() {
        String rewrite = """
                apiVersion: inference.networking.x-k8s.io/v1alpha2
                kind: InferenceModelRewrite
                metadata:
                  name: food-review
                spec:
                  poolRef: {name: my-pool}
                  rules:
                  - matches: [{model: {type: Exact, value: food-review}}]
                    targets: [{modelRewrite: food-review-v1, weight: %s}, {modelRewrite: food-review-v2, weight: 10}]
                """;

        assertThat(violations(rewrite.formatted("90"))).isEmpty();
        assertThat(violations(rewrite.formatted("0"))).containsExactly("spec.rules[0].targets[0].weight: 0 is less than 1");
        assertThat(violations(rewrite.formatted("1000001")))
                .containsExactly("spec.rules[0].targets[0].weight: 1000001 is greater than 1000000");
        assertThat(violations(rewrite.formatted("1").replace("type: Exact", "type: Prefix")))
                .containsExactly("spec.rules[0].matches[0].model.type: \"Prefix\" is not one of [\"Exact\"]");
        assertThat(violations(rewrite.formatted("1").replace(
                "targets: [{modelRewrite: food-review-v1, weight: 1}, {modelRewrite: food-review-v2, weight: 10}]",
                "targets: []"))).containsExactly("spec.rules[0].targets: fewer than 1 items");
    }
}
