package dev.inferencegateway.epp.server.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {
  private static final LeaderElection.Timings FAST = new LeaderElection.Timings(Duration.ofSeconds(4),
      Duration.ofSeconds(3), Duration.ofMillis(250));
  private static final String LEASE = "epp-ns-pool.gateway-api-inference-extension.sigs.k8s.io";

  static KubernetesClient client;

  private String holder(String namespace) {
    Lease lease = client.leases().inNamespace(namespace).withName(LEASE).get();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  @Test
  void oneInstanceLeads_andTheFollowerTakesOverWhenTheLeaderShutsDown() {
    AtomicInteger changes = new AtomicInteger();
    try (LeaderElection a = new LeaderElection(client, "release", LEASE, "epp-a", FAST, changes::incrementAndGet);
         LeaderElection b = new LeaderElection(client, "release", LEASE, "epp-b", FAST, changes::incrementAndGet)) {
      a.start();
      await().atMost(Duration.ofSeconds(30)).until(a::isLeader);
      b.start();
      await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> !b.isLeader() && a.isLeader());
      assertThat(holder("release")).isEqualTo("epp-a");

      a.close();

      await().atMost(Duration.ofSeconds(10)).until(b::isLeader);
      assertThat(a.isLeader()).isFalse();
      assertThat(holder("release")).isEqualTo("epp-b");
      assertThat(changes.get()).isEqualTo(3);
    }
  }

  @Test
  void aLeaderThatStopsRenewing_losesTheLeaseWhenItExpires() {
    KubernetesClient crashing = new KubernetesClientBuilder().withConfig(client.getConfiguration()).build();
    try (LeaderElection a = new LeaderElection(crashing, "expiry", LEASE, "epp-a", FAST, () -> { });
         LeaderElection b = new LeaderElection(client, "expiry", LEASE, "epp-b", FAST, () -> { })) {
      a.start();
      await().atMost(Duration.ofSeconds(30)).until(a::isLeader);
      b.start();
      await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> !b.isLeader());

      crashing.close();

      await().atMost(Duration.ofSeconds(20)).until(b::isLeader);
      assertThat(holder("expiry")).isEqualTo("epp-b");
    }
  }
}
