package dev.inferencegateway.epp.datastore.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.datastore.PoolInfo;
import dev.inferencegateway.epp.datastore.DatastoreOptions;
import dev.inferencegateway.epp.datastore.PoolDatastore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@EnableKubernetesMockClient(crud = true)
@Timeout(120)
class StandaloneSourceTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  @Test
  void standalone_selectsPodsByLabelWithoutAnyCrd() throws Exception {
    String ns = "standalone";
    Map<String, String> env = Map.of("POD_NAME", "my-epp-5d8f7c9b4-x2k9p", "NAMESPACE", ns);
    StandaloneSourceOptions options = StandaloneSourceOptions.fromFlags("app=vllm, tier=gpu", List.of(8000, 8001, 8000),
        null, 0, env::get);
    ClusterFixtures.applyPod(client, ClusterFixtures.pod(ns, "a", "10.5.0.1", true,
        Map.of("app", "vllm", "tier", "gpu"), Map.of("llm-d.ai/active-ports", "8001")));
    ClusterFixtures.applyPod(client, ClusterFixtures.pod(ns, "b", "10.5.0.2", true, Map.of("app", "vllm"), Map.of()));

    try (PoolDatastore datastore = new PoolDatastore(new StandaloneSource(options, client, false),
        DatastoreOptions.defaults())) {
      datastore.start();
      assertThat(datastore.awaitSynced(Duration.ofSeconds(20))).isTrue();

      assertThat(datastore.pool()).contains(new PoolInfo("my-epp", ns, Map.of("app", "vllm", "tier", "gpu"),
          List.of(8000, 8001), "http"));
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(datastore.endpoints())
          .extracting(EndpointSnapshot::metadata).extracting(m -> m.name() + "=" + m.hostPort())
          .containsExactly("a-rank-1=10.5.0.1:8001"));

      ClusterFixtures.applyPod(client, ClusterFixtures.pod(ns, "b", "10.5.0.2", true,
          Map.of("app", "vllm", "tier", "gpu"), Map.of()));
      await().atMost(Duration.ofSeconds(20)).until(() -> datastore.endpoints().size() == 3);
    }
  }

  @Test
  void flags_areValidatedNamingTheFlag() {
    Map<String, String> env = Map.of("POD_NAME", "epp-abc12-xyz34");

    assertThat(StandaloneSourceOptions.poolNameFromPodName("epp-abc12-xyz34")).isEqualTo("epp");
    assertThat(StandaloneSourceOptions.poolNameFromPodName("lonely")).isEqualTo("lonely");
    assertThat(StandaloneSourceOptions.parseSelector("a==1,b=")).isEqualTo(Map.of("a", "1", "b", ""));
    assertThatThrownBy(() -> StandaloneSourceOptions.fromFlags("app", List.of(8000), null, 0, env::get))
        .hasMessage("--endpoint-selector: \"app\" is not key=value");
    assertThatThrownBy(() -> StandaloneSourceOptions.fromFlags("app!=x", List.of(8000), null, 0, env::get))
        .hasMessage("--endpoint-selector: \"app!=x\" is not key=value");
    assertThatThrownBy(() -> StandaloneSourceOptions.fromFlags("app=x", List.of(), null, 0, env::get))
        .hasMessage("--endpoint-target-ports needs 1 to 8 ports, got 0");
    assertThatThrownBy(() -> StandaloneSourceOptions.fromFlags("app=x", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), null, 0, env::get))
        .hasMessage("--endpoint-target-ports needs 1 to 8 ports, got 9");
    assertThatThrownBy(() -> StandaloneSourceOptions.fromFlags("app=x", List.of(70000), null, 0, env::get))
        .hasMessage("--endpoint-target-ports: 70000 is not a port number");
    assertThatThrownBy(() -> StandaloneSourceOptions.fromFlags("app=x", List.of(8000), null, 0, k -> null))
        .hasMessageContaining("needs env POD_NAME");
    assertThatThrownBy(() -> new KubernetesSourceOptions("pool", "ns", "inference.networking.x-k8s.io", 0))
        .hasMessageStartingWith("--pool-group: only inference.networking.k8s.io");
    assertThatThrownBy(() -> KubernetesSourceOptions.fromFlags("", null, null, 0, k -> null))
        .hasMessage("--pool-name must not be empty");
    assertThat(KubernetesSourceOptions.fromFlags("p", null, null, 0, k -> "from-env").poolNamespace())
        .isEqualTo("from-env");
  }
}
