package dev.inferencegateway.epp.server;

import dev.inferencegateway.epp.server.cli.EppOptions;
import dev.inferencegateway.epp.server.cli.ResolvedOptions;
import dev.inferencegateway.epp.server.ha.LeaderElection;
import dev.inferencegateway.epp.server.health.EppHealthService;
import dev.inferencegateway.epp.server.metrics.MetricsServer;
import dev.inferencegateway.extproc.ExchangeHandlerFactory;
import dev.inferencegateway.extproc.ExtProcService;
import dev.inferencegateway.extproc.server.GrpcServer;
import dev.inferencegateway.extproc.server.TokenReviewAuthenticator;
import dev.inferencegateway.extproc.tls.ServerTls;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening side of the EPP: the ext_proc server (TLS by default), the gRPC health server, the
 * metrics server, leader election and the health refresher; shut down in the order that loses no
 * request.
 */
public final class ServerRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(ServerRuntime.class);

  private final EppHealthService health;
  private final Optional<ServerTls> tls;
  private final GrpcServer extProc;
  private final GrpcServer healthServer;
  private final MetricsServer metricsServer;
  private final Optional<LeaderElection> election;
  private final ScheduledFuture<?> refresher;

  private ServerRuntime(EppHealthService health, Optional<ServerTls> tls, GrpcServer extProc, GrpcServer healthServer,
      MetricsServer metricsServer, Optional<LeaderElection> election, ScheduledFuture<?> refresher) {
    this.health = health;
    this.tls = tls;
    this.extProc = extProc;
    this.healthServer = healthServer;
    this.metricsServer = metricsServer;
    this.election = election;
    this.refresher = refresher;
  }

  static ServerRuntime start(ResolvedOptions options, Optional<KubernetesClient> kubernetes,
      ExchangeHandlerFactory exchanges, BooleanSupplier ready, PrometheusRegistry registry,
      ScheduledExecutorService scheduler, Clock clock) throws IOException {
    EppOptions o = options.options();
    LeaderElection[] electionHolder = new LeaderElection[1];
    EppHealthService health = new EppHealthService(ready,
        () -> electionHolder[0] != null && electionHolder[0].isLeader(), o.leaderElection);
    Optional<LeaderElection> election = Optional.empty();
    if (o.leaderElection) {
      KubernetesClient client = kubernetes.orElseThrow(() -> new IllegalStateException(
          "--ha-enable-leader-election needs a Kubernetes client"));
      String identity = (options.podName().isBlank() ? hostName() : options.podName()) + "_" + UUID.randomUUID();
      electionHolder[0] = new LeaderElection(client, options.namespace(), options.leaseName(), identity,
          LeaderElection.Timings.DEFAULTS, health::refresh);
      election = Optional.of(electionHolder[0]);
    }
    Optional<ServerTls> tls = Optional.empty();
    if (o.secureServing) {
      tls = Optional.of(o.certPath == null ? ServerTls.selfSigned(clock)
          : ServerTls.fromDirectory(o.certPath, o.enableCertReload));
    }
    GrpcServer.Builder extProcBuilder = GrpcServer.builder("ext-proc", o.grpcPort)
        .service(new ExtProcService(exchanges, o.maxRequestBodyBytes, Executors.newVirtualThreadPerTaskExecutor()))
        .maxInboundMessageSize(o.grpcMaxRecvMsgSize)
        .directExecutor();
    tls.ifPresent(t -> extProcBuilder.credentials(t.credentials()));
    if (o.healthChecking) {
      extProcBuilder.service(health);
    }
    GrpcServer extProc = extProcBuilder.start();
    GrpcServer healthServer = GrpcServer.builder("health", o.grpcHealthPort).service(health).start();
    MetricsServer metricsServer = MetricsServer.start(o.metricsPort, registry, o.metricsEndpointAuth
        ? Optional.of(new TokenReviewAuthenticator(kubernetes.orElseThrow(() -> new IllegalStateException(
            "--metrics-endpoint-auth needs a Kubernetes client")), clock))
        : Optional.empty());
    election.ifPresent(LeaderElection::start);
    ScheduledFuture<?> refresher = scheduler.scheduleWithFixedDelay(health::refresh, 1, 1, TimeUnit.SECONDS);
    return new ServerRuntime(health, tls, extProc, healthServer, metricsServer, election, refresher);
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "epp";
    }
  }

  /** Returns the ext_proc port. */
  public int extProcPort() {
    return extProc.port();
  }

  /** Returns the gRPC health port. */
  public int healthPort() {
    return healthServer.port();
  }

  /** Returns the metrics port. */
  public int metricsPort() {
    return metricsServer.port();
  }

  /** Returns the health service. */
  public EppHealthService health() {
    return health;
  }

  /** Returns the leader election, when enabled. */
  public Optional<LeaderElection> election() {
    return election;
  }

  /** Returns the TLS identity of the ext_proc server, when secure serving is on. */
  public Optional<ServerTls> tls() {
    return tls;
  }

  void shutdown(Duration drain) {
    LOG.info("Shutting down: reporting NOT_SERVING and draining ext_proc streams for up to {}", drain);
    health.enterShutdown();
    election.ifPresent(LeaderElection::close);
    extProc.shutdownGracefully(drain);
    refresher.cancel(false);
    metricsServer.close();
    healthServer.close();
    tls.ifPresent(ServerTls::close);
  }
}
