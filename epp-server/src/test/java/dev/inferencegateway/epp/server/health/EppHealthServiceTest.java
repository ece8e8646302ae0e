package dev.inferencegateway.epp.server.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EppHealthServiceTest {
  private final AtomicBoolean synced = new AtomicBoolean();
  private final AtomicBoolean leader = new AtomicBoolean();
  private Server server;
  private ManagedChannel channel;

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private HealthGrpc.HealthBlockingStub start(EppHealthService service) throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(service).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
    return HealthGrpc.newBlockingStub(channel);
  }

  private static ServingStatus check(HealthGrpc.HealthBlockingStub stub, String service) {
    return stub.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
  }

  @Test
  void withoutLeaderElection_everyNameFollowsTheDatastoreSync() throws Exception {
    EppHealthService service = new EppHealthService(synced::get, leader::get, false);
    HealthGrpc.HealthBlockingStub stub = start(service);

    for (String name : List.of("", "liveness", "readiness", EppHealthService.EXT_PROC, "anything")) {
      assertThat(check(stub, name)).as(name).isEqualTo(ServingStatus.NOT_SERVING);
    }
    synced.set(true);
    for (String name : List.of("", "liveness", "readiness", EppHealthService.EXT_PROC, "anything")) {
      assertThat(check(stub, name)).as(name).isEqualTo(ServingStatus.SERVING);
    }
    service.enterShutdown();
    assertThat(check(stub, "readiness")).isEqualTo(ServingStatus.NOT_SERVING);
  }

  @Test
  void withLeaderElection_livenessAlwaysServes_readinessNeedsSyncAndLeadership() throws Exception {
    HealthGrpc.HealthBlockingStub stub = start(new EppHealthService(synced::get, leader::get, true));
    synced.set(true);

    assertThat(check(stub, "liveness")).isEqualTo(ServingStatus.SERVING);
    assertThat(check(stub, "readiness")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(check(stub, "other")).isEqualTo(ServingStatus.SERVICE_UNKNOWN);
    leader.set(true);
    assertThat(check(stub, "readiness")).isEqualTo(ServingStatus.SERVING);
    assertThat(check(stub, "")).isEqualTo(ServingStatus.SERVING);
    assertThat(check(stub, EppHealthService.EXT_PROC)).isEqualTo(ServingStatus.SERVING);
    synced.set(false);
    assertThat(check(stub, "readiness")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(check(stub, "liveness")).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void watchers_receiveEachTransition() throws Exception {
    EppHealthService service = new EppHealthService(synced::get, leader::get, true);
    start(service);
    List<ServingStatus> seen = new CopyOnWriteArrayList<>();
    HealthGrpc.newStub(channel).watch(HealthCheckRequest.newBuilder().setService("readiness").build(),
        new StreamObserver<>() {
          @Override
          public void onNext(HealthCheckResponse value) {
            seen.add(value.getStatus());
          }

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onCompleted() {}
        });
    await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 1);
    synced.set(true);
    service.refresh();
    leader.set(true);
    service.refresh();
    service.refresh();
    leader.set(false);
    service.refresh();

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(seen)
        .containsExactly(ServingStatus.NOT_SERVING, ServingStatus.SERVING, ServingStatus.NOT_SERVING));
  }
}
