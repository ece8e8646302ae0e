package dev.inferencegateway.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** More than one EPP replica turns on leader election: the flag, its RBAC and the probe services. */
class LeaderElectionTest {

    private static final String RELEASE = "vllm-deepseek-r1";
    private static final String EPP = RELEASE + "-epp";

    private static Manifest render(int replicas) {
        return Charts.render("inferencepool").release(RELEASE)
                .set("inferencePool.modelServers.matchLabels.app", RELEASE)
                .set("inferenceExtension.replicas", replicas)
                .manifest();
    }

    @Test
    void threeReplicasElectALeader() {
        Manifest manifest = render(3);

        ManifestChecks.assertValid(manifest, "default");
        JsonNode deployment = manifest.get("Deployment", EPP);
        JsonNode epp = Manifest.container(deployment, "epp");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(Manifest.texts(epp.path("args"))).contains("--ha-enable-leader-election");
        assertThat(epp.at("/livenessProbe/grpc/service").asText()).isEqualTo("liveness");
        assertThat(epp.at("/readinessProbe/grpc/service").asText()).isEqualTo("readiness");

        JsonNode rules = manifest.get("Role", EPP + "-leader-election").path("rules");
        assertThat(Manifest.texts(rules.at("/0/apiGroups"))).containsExactly("coordination.k8s.io");
        assertThat(Manifest.texts(rules.at("/0/resources"))).containsExactly("leases");
        assertThat(Manifest.texts(rules.at("/0/verbs")))
                .containsExactly("get", "list", "watch", "create", "update", "patch", "delete");
        assertThat(Manifest.texts(rules.at("/1/apiGroups"))).containsExactly("");
        assertThat(Manifest.texts(rules.at("/1/resources"))).containsExactly("events");
        assertThat(Manifest.texts(rules.at("/1/verbs"))).containsExactly("create", "patch");
        JsonNode binding = manifest.get("RoleBinding", EPP + "-leader-election-binding");
        assertThat(binding.at("/roleRef/name").asText()).isEqualTo(EPP + "-leader-election");
        assertThat(binding.at("/subjects/0/name").asText()).isEqualTo(EPP);
    }

    @Test
    void oneReplicaHasNoLeaderElection() {
        Manifest manifest = render(1);

        assertThat(Manifest.texts(Manifest.container(manifest.get("Deployment", EPP), "epp").path("args")))
                .doesNotContain("--ha-enable-leader-election");
        assertThat(manifest.find("Role", EPP + "-leader-election")).isEmpty();
        assertThat(manifest.find("RoleBinding", EPP + "-leader-election-binding")).isEmpty();
    }

    @Test
    void zeroReplicasAreRejected() {
        assertThat(Charts.render("inferencepool").release(RELEASE)
                .set("inferencePool.modelServers.matchLabels.app", RELEASE)
                .set("inferenceExtension.replicas", 0).failure())
                .contains(".Values.inferenceExtension.replicas must be at least 1");
    }
}
