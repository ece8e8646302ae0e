package dev.inferencegateway.bbr.server;

import dev.inferencegateway.bbr.embed.BbrStage;
import dev.inferencegateway.extproc.ExtProcService;
import dev.inferencegateway.extproc.server.GrpcServer;
import dev.inferencegateway.extproc.server.TokenReviewAuthenticator;
import dev.inferencegateway.extproc.tls.ServerTls;
import io.envoyproxy.envoy.service.ext_proc.v3.ExternalProcessorGrpc;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running standalone BBR: the ext_proc server (TLS unless {@code --secure-serving=false}), the
 * gRPC health server and the metrics endpoint around one {@link BbrStage}.
 *
 * <p>ext_proc messages are handled on gRPC's transport threads; each request's decision (the body
 * scan and the plugin chain) runs on a virtual thread, as in the EPP.
 *
 * <p>Health: {@code liveness} is SERVING while the process runs; {@code readiness}, the empty
 * service name and the ext_proc service name are SERVING once the base-model mappings have loaded,
 * and NOT_SERVING from the start of shutdown.
 */
public final class BbrServer implements AutoCloseable {
  /** How long in-flight streams may run on after shutdown starts. */
  public static final Duration DRAIN = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(BbrServer.class);
  private static final List<String> READINESS_SERVICES = List.of(
      HealthStatusManager.SERVICE_NAME_ALL_SERVICES, "readiness", ExternalProcessorGrpc.SERVICE_NAME);
  private static final int GRPC_MESSAGE_OVERHEAD = 64 * 1024;

  private final BbrStage stage;
  private final Optional<ServerTls> tls;
  private final GrpcServer extProc;
  private final HealthStatusManager health;
  private final GrpcServer healthServer;
  private final HTTPServer metrics;

  private BbrServer(BbrStage stage, Optional<ServerTls> tls, GrpcServer extProc, HealthStatusManager health,
      GrpcServer healthServer, HTTPServer metrics) {
    this.stage = stage;
    this.tls = tls;
    this.extProc = extProc;
    this.health = health;
    this.healthServer = healthServer;
    this.metrics = metrics;
  }

  /**
   * Starts the servers around {@code stage}; the stage is closed with the server (or at once when
   * the servers cannot start).
   *
   * @param kubernetes the client for metrics authentication, when {@code --metrics-endpoint-auth}
   */
  public static BbrServer start(BbrOptions options, BbrStage stage, PrometheusRegistry registry,
      Optional<KubernetesClient> kubernetes, Clock clock) throws IOException {
    Optional<ServerTls> tls = Optional.empty();
    GrpcServer extProc = null;
    GrpcServer healthServer = null;
    HealthStatusManager health = new HealthStatusManager();
    try {
      if (options.secureServing) {
        tls = Optional.of(options.certPath == null ? ServerTls.selfSigned(clock)
            : ServerTls.fromDirectory(options.certPath, options.enableCertReload));
      }
      READINESS_SERVICES.forEach(service -> health.setStatus(service, ServingStatus.NOT_SERVING));
      health.setStatus("liveness", ServingStatus.SERVING);
      int maxMessage = (int) Math.min(Integer.MAX_VALUE, options.maxRequestBodyBytes + GRPC_MESSAGE_OVERHEAD);
      GrpcServer.Builder builder = GrpcServer.builder("ext_proc", options.grpcPort)
          .service(new ExtProcService(stage.handlers(), options.maxRequestBodyBytes,
              Executors.newVirtualThreadPerTaskExecutor()))
          .maxInboundMessageSize(maxMessage)
          .directExecutor();
      tls.ifPresent(t -> builder.credentials(t.credentials()));
      extProc = builder.start();
      healthServer = GrpcServer.builder("health", options.grpcHealthPort).health(health).start();
      HTTPServer.Builder metricsBuilder = HTTPServer.builder().port(options.metricsPort).registry(registry);
      if (options.metricsEndpointAuth) {
        metricsBuilder.authenticator(new TokenReviewAuthenticator(kubernetes.orElseThrow(() ->
            new IllegalStateException("--metrics-endpoint-auth needs a Kubernetes client")), clock));
      }
      HTTPServer metrics = metricsBuilder.buildAndStart();
      LOG.info("metrics on port {}{}", metrics.getPort(), options.metricsEndpointAuth ? " (Kubernetes bearer token required)" : "");
      BbrServer server = new BbrServer(stage, tls, extProc, health, healthServer, metrics);
      stage.ready().whenComplete((ok, error) -> server.markReady(error));
      return server;
    } catch (IOException | RuntimeException e) {
      if (extProc != null) {
        extProc.close();
      }
      if (healthServer != null) {
        healthServer.close();
      }
      tls.ifPresent(ServerTls::close);
      stage.close();
      throw e;
    }
  }

  /** Returns the port of the ext_proc server. */
  public int grpcPort() {
    return extProc.port();
  }

  /** Returns the port of the health server. */
  public int healthPort() {
    return healthServer.port();
  }

  /** Returns the port of the metrics endpoint. */
  public int metricsPort() {
    return metrics.getPort();
  }

  /** Blocks until the ext_proc server has stopped. */
  public void awaitTermination() throws InterruptedException {
    extProc.awaitTermination();
  }

  /** Turns readiness off, lets in-flight streams finish within {@code drain}, then stops everything. */
  public void shutdown(Duration drain) {
    READINESS_SERVICES.forEach(service -> health.setStatus(service, ServingStatus.NOT_SERVING));
    extProc.shutdownGracefully(drain);
    close();
  }

  @Override
  public void close() {
    extProc.close();
    healthServer.close();
    metrics.close();
    stage.close();
    tls.ifPresent(ServerTls::close);
  }

  private void markReady(Throwable error) {
    if (error != null) {
      LOG.error("base-model mappings failed to load; staying not ready", error);
      return;
    }
    READINESS_SERVICES.forEach(service -> health.setStatus(service, ServingStatus.SERVING));
    LOG.info("BBR is ready");
  }
}
