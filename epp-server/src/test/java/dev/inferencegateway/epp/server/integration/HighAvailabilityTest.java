package dev.inferencegateway.epp.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.epp.server.EppServer;
import dev.inferencegateway.epp.server.cli.ResolvedOptions;
import dev.inferencegateway.epp.server.health.EppHealthService;
import dev.inferencegateway.epp.server.testing.Servers;
import dev.inferencegateway.epp.server.testing.TestEndpointSource;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two EPP replicas with leader election against the fabric8 mock API server: one ready, failover on shutdown. */
@EnableKubernetesMockClient(crud = true)
class HighAvailabilityTest {
  private static final String LEASE = "epp-ha-pool.gateway-api-inference-extension.sigs.k8s.io";
  static KubernetesClient client;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable c : closeables.reversed()) {
      c.close();
    }
  }

  private EppServer replica(String podName) throws Exception {
    ResolvedOptions options = Servers.options(Map.of("POD_NAME", podName, "NAMESPACE", "ha"), "--pool-name", "pool",
        "--ha-enable-leader-election", "--metrics-endpoint-auth=false", "--secure-serving=false", "--grpc-port=0",
        "--grpc-health-port=0", "--metrics-port=0", "--health-checking");
    KubernetesClient own = new KubernetesClientBuilder().withConfig(client.getConfiguration()).build();
    EppServer server = EppServer.create(options, new TestEndpointSource("pool").endpoints(List.of(
        TestEndpointSource.endpoint("pod-0", "10.2.0.1", "127.0.0.1:1"))), Optional.of(own), Clock.systemUTC());
    closeables.add(server);
    server.start();
    return server;
  }

  private ServingStatus status(int port, String service) {
    ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port, InsecureChannelCredentials.create())
        .build();
    try {
      return HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.newBuilder().setService(service).build())
          .getStatus();
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void theLeaderIsReady_theFollowerIsNot_andTakesOverWhenTheLeaderStops() throws Exception {
    assertThat(Servers.options(Map.of("NAMESPACE", "ha"), "--pool-name", "pool").leaseName()).isEqualTo(LEASE);
    EppServer first = replica("epp-5d8c7b9f4-aaaaa");
    await().atMost(Duration.ofSeconds(60)).until(() -> status(first.runtime().healthPort(), "readiness") == ServingStatus.SERVING);
    EppServer second = replica("epp-5d8c7b9f4-bbbbb");

    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).until(() ->
        status(second.runtime().healthPort(), "readiness") == ServingStatus.NOT_SERVING
            && status(first.runtime().healthPort(), "readiness") == ServingStatus.SERVING);
    assertThat(status(second.runtime().healthPort(), "liveness")).isEqualTo(ServingStatus.SERVING);
    assertThat(status(second.runtime().extProcPort(), EppHealthService.EXT_PROC)).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(status(first.runtime().extProcPort(), EppHealthService.EXT_PROC)).isEqualTo(ServingStatus.SERVING);
    Lease lease = client.leases().inNamespace("ha").withName(LEASE).get();
    assertThat(lease.getSpec().getHolderIdentity()).startsWith("epp-5d8c7b9f4-aaaaa_");

    first.shutdown();

    await().atMost(Duration.ofSeconds(30)).until(() -> status(second.runtime().healthPort(), "readiness") == ServingStatus.SERVING);
    assertThat(client.leases().inNamespace("ha").withName(LEASE).get().getSpec().getHolderIdentity())
        .startsWith("epp-5d8c7b9f4-bbbbb_");
  }
}
