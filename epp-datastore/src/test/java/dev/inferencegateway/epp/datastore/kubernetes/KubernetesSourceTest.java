package dev.inferencegateway.epp.datastore.kubernetes;

import static dev.inferencegateway.epp.datastore.kubernetes.ClusterFixtures.applyPod;
import static dev.inferencegateway.epp.datastore.kubernetes.ClusterFixtures.pod;
import static dev.inferencegateway.epp.datastore.kubernetes.ClusterFixtures.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.datastore.DatastoreOptions;
import dev.inferencegateway.epp.datastore.PoolDatastore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@EnableKubernetesMockClient(crud = true)
@Timeout(120)
class KubernetesSourceTest {
  static KubernetesClient client;
  static KubernetesMockServer server;
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Map<String, String> VLLM = Map.of("app", "vllm");

  private PoolDatastore datastore;

  @BeforeAll
  static void installCrds() {
    ClusterFixtures.installAllCrds(client);
  }

  @AfterEach
  void stop() {
    if (datastore != null) {
      datastore.close();
    }
  }

  private PoolDatastore start(String namespace, int metricsPort) throws InterruptedException {
    datastore = new PoolDatastore(new KubernetesSource(
        new KubernetesSourceOptions("pool", namespace, null, metricsPort), client, false), DatastoreOptions.defaults());
    datastore.start();
    assertThat(datastore.awaitSynced(WAIT)).isTrue();
    return datastore;
  }

  private List<String> endpoints() {
    return datastore.endpoints().stream().map(EndpointSnapshot::metadata)
        .map(m -> m.name() + "=" + m.hostPort() + "/" + m.metricsHost()).toList();
  }

  private void awaitEndpoints(String... expected) {
    await().atMost(WAIT).untilAsserted(() -> assertThat(endpoints()).containsExactly(expected));
  }

  @Test
  void podLifecycle_followsReadinessLabelsAndDeletion() throws Exception {
    String ns = "lifecycle";
    ClusterFixtures.apply(client, CustomResources.POOL, ns, pool("pool", "{app: vllm}", "[{number: 8000}]"));
    start(ns, 0);
    assertThat(datastore.pool().orElseThrow().targetPorts()).containsExactly(8000);

    applyPod(client, pod(ns, "vllm-a", "10.0.0.1", false, VLLM, Map.of()));
    applyPod(client, pod(ns, "other", "10.0.0.9", true, Map.of("app", "sglang"), Map.of()));
    applyPod(client, pod(ns, "vllm-b", "10.0.0.2", true, VLLM, Map.of()));
    awaitEndpoints("vllm-b-rank-0=10.0.0.2:8000/10.0.0.2:8000");

    applyPod(client, pod(ns, "vllm-a", "10.0.0.1", true, Map.of("app", "vllm", "llm-d.ai/engine-type", "vllm"), Map.of()));
    awaitEndpoints("vllm-a-rank-0=10.0.0.1:8000/10.0.0.1:8000", "vllm-b-rank-0=10.0.0.2:8000/10.0.0.2:8000");
    EndpointMetadata a = datastore.endpoint("vllm-a-rank-0").orElseThrow().metadata();
    assertThat(a.podName()).isEqualTo("vllm-a");
    assertThat(a.namespace()).isEqualTo(ns);
    assertThat(a.labels()).containsEntry("llm-d.ai/engine-type", "vllm");

    applyPod(client, pod(ns, "vllm-b", "10.0.0.2", true, Map.of("app", "moved"), Map.of()));
    awaitEndpoints("vllm-a-rank-0=10.0.0.1:8000/10.0.0.1:8000");

    client.pods().inNamespace(ns).withName("vllm-a").delete();
    awaitEndpoints();
  }

  @Test
  void targetPortsAndSelectorChanges_resyncEveryPod() throws Exception {
    String ns = "resync";
    ClusterFixtures.apply(client, CustomResources.POOL, ns, pool("pool", "{app: vllm}", "[{number: 8000}]"));
    applyPod(client, pod(ns, "p", "10.0.1.1", true, VLLM, Map.of()));
    applyPod(client, pod(ns, "q", "10.0.1.2", true, Map.of("app", "next"), Map.of()));
    start(ns, 9090);
    awaitEndpoints("p-rank-0=10.0.1.1:8000/10.0.1.1:9090");

    ClusterFixtures.apply(client, CustomResources.POOL, ns, pool("pool", "{app: vllm}", "[{number: 8000}, {number: 8001}]"));
    awaitEndpoints("p-rank-0=10.0.1.1:8000/10.0.1.1:8000", "p-rank-1=10.0.1.1:8001/10.0.1.1:8001");

    ClusterFixtures.apply(client, CustomResources.POOL, ns, pool("pool", "{app: next}", "[{number: 8001}]"));
    awaitEndpoints("q-rank-0=10.0.1.2:8001/10.0.1.2:9090");
    assertThat(datastore.pool().orElseThrow().selector()).isEqualTo(Map.of("app", "next"));
  }

  @Test
  void activePortsAnnotation_restrictsRanksUnderBothNames() throws Exception {
    String ns = "ranks";
    ClusterFixtures.apply(client, CustomResources.POOL, ns,
        pool("pool", "{app: vllm}", "[{number: 8000}, {number: 8001}, {number: 8002}]"));
    applyPod(client, pod(ns, "dp", "10.0.2.1", true, VLLM, Map.of("llm-d.ai/active-ports", "8001")));
    applyPod(client, pod(ns, "legacy", "10.0.2.2", true, VLLM,
        Map.of("inference.networking.k8s.io/active-ports", "8000, 8002, 9999")));
    start(ns, 0);

    awaitEndpoints("dp-rank-1=10.0.2.1:8001/10.0.2.1:8001", "legacy-rank-0=10.0.2.2:8000/10.0.2.2:8000",
        "legacy-rank-2=10.0.2.2:8002/10.0.2.2:8002");

    applyPod(client, pod(ns, "dp", "10.0.2.1", true, VLLM, Map.of("llm-d.ai/active-ports", "8000,8001")));
    awaitEndpoints("dp-rank-0=10.0.2.1:8000/10.0.2.1:8000", "dp-rank-1=10.0.2.1:8001/10.0.2.1:8001",
        "legacy-rank-0=10.0.2.2:8000/10.0.2.2:8000", "legacy-rank-2=10.0.2.2:8002/10.0.2.2:8002");
  }

  @Test
  void deletedPool_clearsTheDatastoreUntilItReturns() throws Exception {
    String ns = "deletion";
    ClusterFixtures.apply(client, CustomResources.POOL, ns, pool("pool", "{app: vllm}", "[{number: 8000}]"));
    ClusterFixtures.apply(client, CustomResources.POOL, ns, pool("unrelated", "{app: vllm}", "[{number: 7000}]"));
    applyPod(client, pod(ns, "p", "10.0.3.1", true, VLLM, Map.of()));
    start(ns, 0);
    awaitEndpoints("p-rank-0=10.0.3.1:8000/10.0.3.1:8000");

    ClusterFixtures.delete(client, CustomResources.POOL, ns, "pool");
    await().atMost(WAIT).until(() -> !datastore.hasSynced());
    assertThat(datastore.pool()).isEmpty();
    assertThat(datastore.endpoints()).isEmpty();

    ClusterFixtures.apply(client, CustomResources.POOL, ns, pool("pool", "{app: vllm}", "[{number: 8000}]"));
    await().atMost(WAIT).until(datastore::hasSynced);
    awaitEndpoints("p-rank-0=10.0.3.1:8000/10.0.3.1:8000");
  }

  @Test
  void invalidPool_isReportedAndServesNothing() throws Exception {
    String ns = "invalid";
    ClusterFixtures.apply(client, CustomResources.POOL, ns, pool("pool", "{app: vllm}", "[]"));
    datastore = new PoolDatastore(new KubernetesSource(new KubernetesSourceOptions("pool", ns, null, 0), client, false),
        DatastoreOptions.defaults());
    datastore.start();

    await().atMost(WAIT).untilAsserted(() -> assertThat(datastore.status().problems())
        .containsEntry("InferencePool invalid/pool", "invalid: spec.targetPorts is missing or empty"));
    assertThat(datastore.hasSynced()).isFalse();
  }
}
