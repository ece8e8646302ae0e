package dev.inferencegateway.bench.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.inferencegateway.bench.gateway.config.GatewayConfig;
import dev.inferencegateway.bench.gateway.config.InferencePoolSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local gateway: an HTTP/1.1 server that does what Envoy with ext_proc does in front of
 * InferencePools (BBR, HTTPRoute matching, the pool's EPP, forwarding with fallbacks, responses
 * streamed back through the processors). A development and test tool; production uses a real
 * gateway installed by the charts.
 *
 * <pre>{@code
 * GatewayConfig config = GatewayConfigLoader.load("classpath:gateway/seed-routes.yaml");
 * try (LocalGateway gateway = LocalGateway.start(config.withListen("localhost:0"))) {
 *   URI base = gateway.baseUri(); // http://localhost:<port>
 * }
 * }</pre>
 */
public final class LocalGateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalGateway.class);

  private final GatewayConfig config;
  private final HttpServer server;
  private final ExecutorService executor;
  private final BbrRuntime bbr;
  private final Map<String, PoolRuntime> pools;
  private final UpstreamClient upstream;
  private volatile boolean closed;

  private LocalGateway(GatewayConfig config, RandomGenerator random) throws IOException {
    this.config = config;
    this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gateway-", 0).factory());
    this.bbr = config.bbr() == null ? null : new BbrRuntime(config.bbr());
    this.pools = new LinkedHashMap<>();
    for (InferencePoolSpec pool : config.pools()) {
      pools.put(pool.name(), new PoolRuntime(pool));
    }
    this.upstream = new UpstreamClient(config.timeouts().connect(), executor);
    GatewayContext context = new GatewayContext(bbr,
        new RouteTable(config.routes(), pools, config.timeouts().request(), random),
        RouteTable.exactHeaderValues(config.routes()), upstream, config.timeouts(), config.maxRequestBodyBytes());
    this.server = HttpServer.create(address(config.listen()), 1024);
    server.createContext("/", http -> handle(context, http));
    server.setExecutor(executor);
  }

  /** Starts a gateway on {@code config.listen()}. */
  public static LocalGateway start(GatewayConfig config) throws IOException {
    return start(config, new Random());
  }

  /** Starts a gateway whose weighted backend choices draw from {@code random} (for repeatable tests). */
  public static LocalGateway start(GatewayConfig config, RandomGenerator random) throws IOException {
    LocalGateway gateway = new LocalGateway(config, random);
    try {
      gateway.server.start();
    } catch (RuntimeException e) {
      gateway.close();
      throw e;
    }
    LOG.info("local gateway listening on {} ({} pools, {} routes{})", gateway.baseUri(), config.pools().size(),
        config.routes().size(), config.bbr() == null ? ", no BBR" : ", BBR at " + config.bbr().address());
    return gateway;
  }

  /** Returns the address the gateway listens on (the actual port when 0 was configured). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Returns the listening port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Returns {@code http://host:port} for clients. */
  public URI baseUri() {
    return URI.create("http://" + hostOf(config.listen()) + ":" + port());
  }

  /** Returns the configuration the gateway runs. */
  public GatewayConfig config() {
    return config;
  }

  /**
   * Stops accepting requests, waits up to {@code timeouts.shutdownGrace} for requests in flight,
   * then closes the processor channels and the upstream client.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Duration grace = config.timeouts().shutdownGrace();
    server.stop((int) Math.ceil(grace.toMillis() / 1000.0));
    if (bbr != null) {
      bbr.close(Duration.ofSeconds(1));
    }
    pools.values().forEach(pool -> pool.close(Duration.ofSeconds(1)));
    upstream.close();
    executor.shutdownNow();
    LOG.info("local gateway on port {} stopped", port());
  }

  private static void handle(GatewayContext context, HttpExchange http) throws IOException {
    try (http) {
      new ProxiedRequest(context, http).handle();
    }
  }

  private static InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return new InetSocketAddress(hostOf(hostPort), Integer.parseInt(hostPort.substring(colon + 1)));
  }

  private static String hostOf(String hostPort) {
    String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
