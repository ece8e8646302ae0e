package dev.inferencegateway.epp.server.metrics;

import com.sun.net.httpserver.Authenticator;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server of {@code /metrics} (Prometheus text format), optionally behind an authenticator. */
public final class MetricsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
  private final HTTPServer server;

  private MetricsServer(HTTPServer server) {
    this.server = server;
  }

  /** Serves {@code registry} on {@code port} (0 picks a free port). */
  public static MetricsServer start(int port, PrometheusRegistry registry, Optional<Authenticator> authenticator)
      throws IOException {
    HTTPServer.Builder builder = HTTPServer.builder().port(port).registry(registry)
        .executorService(Executors.newFixedThreadPool(2, r -> Thread.ofPlatform().daemon().name("metrics-http").unstarted(r)));
    authenticator.ifPresent(builder::authenticator);
    HTTPServer server;
    try {
      server = builder.buildAndStart();
    } catch (IOException e) {
      throw new IOException("cannot start the metrics server on port " + port + ": " + e.getMessage(), e);
    }
    LOG.info("Metrics server listening on port {} ({})", server.getPort(),
        authenticator.isPresent() ? "bearer tokens checked with TokenReview/SubjectAccessReview" : "no authentication");
    return new MetricsServer(server);
  }

  /** Returns the port served. */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.close();
  }
}
