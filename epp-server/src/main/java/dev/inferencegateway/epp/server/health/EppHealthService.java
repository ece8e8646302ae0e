package dev.inferencegateway.epp.server.health;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The EPP's {@code grpc.health.v1.Health} service with upstream's rules. Without leader election
 * every service name is SERVING once the datastore has synced (and the parser serves the pool's
 * protocol). With leader election, {@code liveness} is always SERVING; {@code readiness}, the empty
 * name and {@code envoy.service.ext_proc.v3.ExternalProcessor} are SERVING only when synced, on
 * the leader; other names are SERVICE_UNKNOWN. Everything turns NOT_SERVING when shutting down.
 */
public final class EppHealthService extends HealthGrpc.HealthImplBase {
  /** The ext_proc service name. */
  public static final String EXT_PROC = "envoy.service.ext_proc.v3.ExternalProcessor";
  /** The liveness service name. */
  public static final String LIVENESS = "liveness";
  /** The readiness service name. */
  public static final String READINESS = "readiness";

  private static final Set<String> READINESS_NAMES = Set.of(READINESS, "", EXT_PROC);

  private final BooleanSupplier ready;
  private final BooleanSupplier leader;
  private final boolean leaderElection;
  private final Map<StreamObserver<HealthCheckResponse>, Watch> watches = new ConcurrentHashMap<>();
  private volatile boolean shuttingDown;

  /**
   * Creates the service.
   *
   * @param ready whether the datastore has synced and the parser serves the pool's protocol
   * @param leader whether this replica leads (ignored without leader election)
   * @param leaderElection whether leader election is enabled
   */
  public EppHealthService(BooleanSupplier ready, BooleanSupplier leader, boolean leaderElection) {
    this.ready = Objects.requireNonNull(ready, "ready");
    this.leader = Objects.requireNonNull(leader, "leader");
    this.leaderElection = leaderElection;
  }

  /** Returns the current status of {@code service}. */
  public ServingStatus statusOf(String service) {
    if (shuttingDown) {
      return ServingStatus.NOT_SERVING;
    }
    if (!leaderElection) {
      return ready.getAsBoolean() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
    }
    if (service.equals(LIVENESS)) {
      return ServingStatus.SERVING;
    }
    if (!READINESS_NAMES.contains(service)) {
      return ServingStatus.SERVICE_UNKNOWN;
    }
    return ready.getAsBoolean() && leader.getAsBoolean() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
  }

  /** Turns every service NOT_SERVING for the rest of the process's life. */
  public void enterShutdown() {
    shuttingDown = true;
    refresh();
  }

  /** Re-evaluates the statuses and notifies watchers of changes; call when sync or leadership changes. */
  public void refresh() {
    watches.forEach((observer, watch) -> watch.publish(statusOf(watch.service)));
  }

  @Override
  public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> responses) {
    responses.onNext(HealthCheckResponse.newBuilder().setStatus(statusOf(request.getService())).build());
    responses.onCompleted();
  }

  @Override
  public void watch(HealthCheckRequest request, StreamObserver<HealthCheckResponse> responses) {
    Watch watch = new Watch(request.getService(), responses);
    if (responses instanceof ServerCallStreamObserver<HealthCheckResponse> call) {
      call.setOnCancelHandler(() -> watches.remove(responses));
    }
    watches.put(responses, watch);
    watch.publish(statusOf(request.getService()));
  }

  /** One watching client: sends a status only when it differs from the last one sent. */
  private final class Watch {
    private final String service;
    private final StreamObserver<HealthCheckResponse> responses;
    private ServingStatus last;

    Watch(String service, StreamObserver<HealthCheckResponse> responses) {
      this.service = service;
      this.responses = responses;
    }

    synchronized void publish(ServingStatus status) {
      if (status == last) {
        return;
      }
      last = status;
      try {
        responses.onNext(HealthCheckResponse.newBuilder().setStatus(status).build());
      } catch (RuntimeException e) {
        watches.remove(responses);
      }
    }
  }
}
