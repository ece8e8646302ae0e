package dev.inferencegateway.extproc.server;

import io.grpc.BindableService;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gRPC server on one port (netty), with optional TLS and an optional standard health service,
 * that shuts down gracefully: it stops accepting, lets in-flight streams finish within a bound,
 * then cancels what is left.
 *
 * <p>Netty's buffer-leak sampling is off unless the JVM was started with
 * {@value #LEAK_DETECTION_PROPERTY} set: at its default level it records a stack trace for one
 * buffer in 128 and every later use of it, which cost an ext_proc echo server about 5 % of its CPU.
 */
public final class GrpcServer implements AutoCloseable {
  /** The system property that sets the leak-detection level of gRPC's shaded Netty. */
  public static final String LEAK_DETECTION_PROPERTY = "io.grpc.netty.shaded.io.netty.leakDetection.level";

  private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);

  static {
    if (System.getProperty(LEAK_DETECTION_PROPERTY) == null) {
      System.setProperty(LEAK_DETECTION_PROPERTY, "disabled");
    }
  }

  private final String name;
  private final Server server;
  private final Optional<HealthStatusManager> health;

  private GrpcServer(String name, Server server, Optional<HealthStatusManager> health) {
    this.name = name;
    this.server = server;
    this.health = health;
  }

  /** Starts describing a server named {@code name} (used in logs) on {@code port} (0 picks a free port). */
  public static Builder builder(String name, int port) {
    return new Builder(name, port);
  }

  /** Returns the port the server listens on. */
  public int port() {
    return server.getPort();
  }

  /** Returns the name of this server. */
  public String name() {
    return name;
  }

  /** Returns whether the server has stopped and all its calls have ended. */
  public boolean isTerminated() {
    return server.isTerminated();
  }

  /**
   * Shuts down gracefully: health turns NOT_SERVING, no new streams are accepted, in-flight streams
   * get up to {@code drain} to finish, and any left are then cancelled.
   *
   * @return true when every stream finished within the bound
   */
  public boolean shutdownGracefully(Duration drain) {
    health.ifPresent(HealthStatusManager::enterTerminalState);
    server.shutdown();
    try {
      if (server.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.info("{} server stopped; all streams finished", name);
        return true;
      }
      LOG.warn("{} server: streams still open after the {} drain period; cancelling them", name, drain);
      server.shutdownNow();
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    }
    return false;
  }

  /** Blocks until the server has terminated. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /** Stops immediately, cancelling in-flight streams. */
  @Override
  public void close() {
    health.ifPresent(HealthStatusManager::enterTerminalState);
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Describes a {@link GrpcServer}. */
  public static final class Builder {
    private final String name;
    private final int port;
    private String host;
    private ServerCredentials credentials = InsecureServerCredentials.create();
    private final List<BindableService> services = new ArrayList<>();
    private HealthStatusManager health;
    private Integer maxInboundMessageSize;
    private Executor executor;
    private boolean directExecutor;

    private Builder(String name, int port) {
      this.name = Objects.requireNonNull(name, "name");
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException(name + " port must be in [0, 65535], got " + port);
      }
      this.port = port;
    }

    /** Binds to {@code host} only (default: all interfaces). */
    public Builder bindAddress(String value) {
      this.host = value;
      return this;
    }

    /** Serves TLS with these credentials (default: plaintext). */
    public Builder credentials(ServerCredentials value) {
      this.credentials = Objects.requireNonNull(value, "credentials");
      return this;
    }

    /** Adds a service. */
    public Builder service(BindableService value) {
      services.add(Objects.requireNonNull(value, "service"));
      return this;
    }

    /** Adds the standard {@code grpc.health.v1.Health} service backed by {@code manager}. */
    public Builder health(HealthStatusManager manager) {
      this.health = Objects.requireNonNull(manager, "manager");
      return this;
    }

    /** Sets the largest message the server accepts, in bytes (gRPC's default is 4 MiB). */
    public Builder maxInboundMessageSize(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException(name + " max inbound message size must be > 0");
      }
      this.maxInboundMessageSize = bytes;
      return this;
    }

    /** Runs calls on {@code value} (default: gRPC's shared cached pool). */
    public Builder executor(Executor value) {
      this.executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /**
     * Runs calls on the transport's threads (gRPC's direct executor): only for services that hand
     * anything slow to an executor of their own.
     */
    public Builder directExecutor() {
      this.directExecutor = true;
      return this;
    }

    /** Binds the port and starts serving. */
    public GrpcServer start() throws IOException {
      InetSocketAddress address = host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
      NettyServerBuilder builder = NettyServerBuilder.forAddress(address, credentials);
      services.forEach(builder::addService);
      if (health != null) {
        builder.addService(health.getHealthService());
      }
      if (maxInboundMessageSize != null) {
        builder.maxInboundMessageSize(maxInboundMessageSize);
      }
      if (directExecutor) {
        builder.directExecutor();
      } else if (executor != null) {
        builder.executor(executor);
      }
      Server server;
      try {
        server = builder.build().start();
      } catch (IOException e) {
        throw new IOException("cannot start the " + name + " server on port " + port + ": " + e.getMessage(), e);
      }
      LOG.info("{} server listening on port {}{}", name, server.getPort(),
          credentials instanceof InsecureServerCredentials ? " (plaintext)" : " (TLS)");
      return new GrpcServer(name, server, Optional.ofNullable(health));
    }
  }
}
