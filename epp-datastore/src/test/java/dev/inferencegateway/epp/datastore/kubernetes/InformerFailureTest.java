package dev.inferencegateway.epp.datastore.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.epp.datastore.DatastoreOptions;
import dev.inferencegateway.epp.datastore.PoolDatastore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An API server that answers nothing (404 everywhere): informer failures surface in the status. */
@EnableKubernetesMockClient
@Timeout(120)
class InformerFailureTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  @Test
  void failingInformers_areReportedAndTheWaitForSyncIsBounded() throws Exception {
    try (PoolDatastore datastore = new PoolDatastore(new KubernetesSource(
        new KubernetesSourceOptions("pool", "broken", null, 0), client, false), DatastoreOptions.defaults())) {
      datastore.start();

      assertThat(datastore.awaitSynced(Duration.ofMillis(300))).isFalse();
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(datastore.status().problems())
          .hasEntrySatisfying("InferencePool informer (broken)", p -> assertThat(p).contains("404"))
          .hasEntrySatisfying("Pod informer (broken)", p -> assertThat(p).contains("404")));
      assertThat(datastore.hasSynced()).isFalse();
    }
  }
}
