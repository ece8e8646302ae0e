package dev.inferencegateway.bench.sim.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import dev.inferencegateway.bench.sim.engine.ModelEngine;
import dev.inferencegateway.bench.sim.time.SimTime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated vLLM model server on a loopback port: an HTTP server in front of a
 * {@link ModelEngine}, with run-time switches that take it down ({@link #kill()}), leave its port
 * open but unanswered ({@link #hang()}) or bring it back on the same port ({@link #revive()}).
 * Going down aborts in-flight requests and empties the engine, as a restarted pod would be.
 *
 * <p>Streamed tokens go out as soon as they are written: the JDK server's TCP_NODELAY is turned on
 * ({@code sun.net.httpserver.nodelay}) unless the JVM was started with that property set.
 */
public final class SimServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SimServer.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  static {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** Whether the server answers. */
  public enum Liveness {
    /** Serving. */
    UP,
    /** The port is closed: connections are refused. */
    DOWN,
    /** The port accepts connections but nothing ever answers. */
    HUNG
  }

  private final SimPod pod;
  private final SimTime time;
  private final Executor executor;
  private HttpServer http;
  private ServerSocket blackHole;
  private int port;
  private Liveness liveness = Liveness.DOWN;

  /** Creates a stopped server; {@code executor} runs its request handlers (virtual threads suit it). */
  public SimServer(SimPod pod, SimTime time, Executor executor) {
    this.pod = pod;
    this.time = time;
    this.executor = executor;
  }

  /** Binds {@code port} (0 = an ephemeral port) on the pod's host and starts serving. */
  public synchronized SimServer start(int requestedPort) throws IOException {
    if (liveness != Liveness.DOWN || port != 0) {
      throw new IllegalStateException(name() + " was already started");
    }
    bind(requestedPort);
    return this;
  }

  /** Closes the port: new connections are refused and in-flight requests fail. */
  public synchronized void kill() {
    stopServing();
    liveness = Liveness.DOWN;
    LOG.info("{}: killed (port {} closed)", name(), port);
  }

  /** Keeps the port open but never answers: connections succeed, requests time out. */
  public synchronized void hang() throws IOException {
    requireStarted();
    stopServing();
    blackHole = new ServerSocket();
    blackHole.setReuseAddress(true);
    blackHole.bind(new InetSocketAddress(InetAddress.getByName(pod.identity().host()), port));
    liveness = Liveness.HUNG;
    LOG.info("{}: hung (port {} accepts, nothing answers)", name(), port);
  }

  /** Serves again on the same port, with an empty engine. */
  public synchronized void revive() throws IOException {
    requireStarted();
    if (liveness == Liveness.UP) {
      return;
    }
    stopServing();
    bind(port);
    LOG.info("{}: revived on port {}", name(), port);
  }

  /** Stops serving for good. */
  @Override
  public synchronized void close() {
    stopServing();
    liveness = Liveness.DOWN;
  }

  /** The pod's name. */
  public String name() {
    return pod.identity().name();
  }

  /** The pod's identity. */
  public PodIdentity identity() {
    return pod.identity();
  }

  /** The bound port (0 before {@link #start(int)}). */
  public synchronized int port() {
    return port;
  }

  /** {@code host:port}, as an endpoint list or the EPP's destination header writes it. */
  public String hostPort() {
    return pod.identity().host() + ":" + port();
  }

  /** {@code http://host:port}. */
  public URI baseUri() {
    return URI.create("http://" + hostPort());
  }

  /** The models it serves. */
  public ServedModels models() {
    return pod.models();
  }

  /** Its serving engine (for inspection). */
  public ModelEngine engine() {
    return pod.engine();
  }

  /** Its failure switches. */
  public FaultInjector faults() {
    return pod.faults();
  }

  /** Whether it answers. */
  public synchronized Liveness liveness() {
    return liveness;
  }

  private void requireStarted() {
    if (port == 0) {
      throw new IllegalStateException(name() + " was never started");
    }
  }

  private void bind(int requestedPort) throws IOException {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(pod.identity().host()), requestedPort);
    HttpServer server = HttpServer.create(address, 0);
    int bound = server.getAddress().getPort();
    server.createContext("/", new SimRouter(pod, time, JSON, bound));
    server.setExecutor(executor);
    server.start();
    http = server;
    port = bound;
    liveness = Liveness.UP;
  }

  private void stopServing() {
    if (http != null) {
      http.stop(0);
      http = null;
      pod.engine().reset("model server " + name() + " stopped");
    }
    if (blackHole != null) {
      try {
        blackHole.close();
      } catch (IOException e) {
        LOG.debug("{}: closing the hung port failed: {}", name(), e.toString());
      }
      blackHole = null;
    }
  }
}
