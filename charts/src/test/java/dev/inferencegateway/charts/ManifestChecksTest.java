package dev.inferencegateway.charts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The manifest checks catch the mistakes they exist for. */
class ManifestChecksTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: epp, namespace: ns}
            spec:
              selector: {matchLabels: {app: epp}}
              template:
                metadata: {labels: {app: epp}}
                spec:
                  serviceAccountName: epp
                  containers:
                  - name: epp
                    image: epp:1
                    ports: [{name: grpc, containerPort: 9002}]
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: epp, namespace: ns}
            """;

    private static String service(String selector, String targetPort) {
        return """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: epp, namespace: ns}
                spec:
                  selector: {app: %s}
                  ports: [{name: grpc, port: 9002, targetPort: %s}]
                """.formatted(selector, targetPort);
    }

    @Test
    void aConsistentManifestPasses() {
        assertThatCode(() -> ManifestChecks.assertValid(Manifest.parse(DEPLOYMENT + service("epp", "grpc")), "ns"))
                .doesNotThrowAnyException();
    }

    @Test
    void aServiceSelectingNoPodsFails() {
        assertThatThrownBy(() -> ManifestChecks.assertValid(Manifest.parse(DEPLOYMENT + service("other", "grpc")),
                "ns")).hasMessageContaining("selects no rendered Deployment");
    }

    @Test
    void aServiceNamingAnUnknownPortFails() {
        assertThatThrownBy(() -> ManifestChecks.assertValid(Manifest.parse(DEPLOYMENT + service("epp", "http")),
                "ns")).hasMessageContaining("targetPort");
    }

    @Test
    void anObjectOutsideTheReleaseNamespaceFails() {
        assertThatThrownBy(() -> ManifestChecks.assertValid(Manifest.parse(DEPLOYMENT), "other"))
                .hasMessageContaining("namespace");
    }

    @Test
    void aBindingToAMissingRoleFails() {
        String binding = """
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: epp, namespace: ns}
                subjects: [{kind: ServiceAccount, name: epp, namespace: ns}]
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: missing}
                """;
        assertThatThrownBy(() -> ManifestChecks.assertValid(Manifest.parse(DEPLOYMENT + binding), "ns"))
                .hasMessageContaining("roleRef");
    }

    @Test
    void anInvalidLabelValueFails() {
        String labelled = DEPLOYMENT.replace("metadata: {name: epp, namespace: ns}\nspec",
                "metadata: {name: epp, namespace: ns, labels: {model: deepseek/r1}}\nspec");
        assertThatThrownBy(() -> ManifestChecks.assertValid(Manifest.parse(labelled), "ns"))
                .hasMessageContaining("label model value");
    }

    @Test
    void anInferencePoolOutsideTheCrdSchemaFails() {
        String pool = """
                apiVersion: inference.networking.k8s.io/v1
                kind: InferencePool
                metadata: {name: pool, namespace: ns}
                spec:
                  selector: {matchLabels: {app: x}}
                  targetPorts: [{number: 8000}]
                  endpointPickerRef: {name: epp, port: {number: 9002}, failureMode: Sometimes}
                """;
        assertThatThrownBy(() -> ManifestChecks.assertValid(Manifest.parse(pool), "ns"))
                .hasMessageContaining("spec.endpointPickerRef.failureMode");
    }
}
