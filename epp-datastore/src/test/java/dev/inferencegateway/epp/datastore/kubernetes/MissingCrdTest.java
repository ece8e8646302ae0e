package dev.inferencegateway.epp.datastore.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.epp.datastore.DatastoreOptions;
import dev.inferencegateway.epp.datastore.PoolDatastore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Only the InferencePool CRD is installed: objectives and rewrites are simply not watched. */
@EnableKubernetesMockClient(crud = true)
@Timeout(120)
class MissingCrdTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  @Test
  void missingObjectiveAndRewriteCrds_areNotAnError() throws Exception {
    ClusterFixtures.installCrd(client, CustomResources.POOL);
    String ns = "nocrd";
    ClusterFixtures.apply(client, CustomResources.POOL, ns, ClusterFixtures.pool("pool", "{app: vllm}", "[{number: 8000}]"));
    ClusterFixtures.applyPod(client, ClusterFixtures.pod(ns, "p", "10.9.0.1", true, Map.of("app", "vllm"), Map.of()));

    try (PoolDatastore datastore = new PoolDatastore(new KubernetesSource(
        new KubernetesSourceOptions("pool", ns, null, 0), client, false), DatastoreOptions.defaults())) {
      datastore.start();

      assertThat(datastore.awaitSynced(Duration.ofSeconds(20))).isTrue();
      await().atMost(Duration.ofSeconds(20)).until(() -> datastore.endpoints().size() == 1);
      assertThat(datastore.objective("anything")).isEmpty();
      assertThat(datastore.modelRewrite("anything")).isEmpty();
      assertThat(datastore.status().problems()).isEmpty();
    }
  }
}
