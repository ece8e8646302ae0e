package dev.inferencegateway.bench.gateway;

import dev.inferencegateway.bench.gateway.config.GatewayConfig;
import dev.inferencegateway.bench.gateway.config.GatewayConfigLoader;
import dev.inferencegateway.bench.gateway.config.HttpRouteSpec;
import dev.inferencegateway.bench.gateway.config.InferencePoolSpec;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the local gateway from a route file until Ctrl-C. */
@Command(name = "local-gateway", mixinStandardHelpOptions = true,
    description = "Local gateway (development and test tool): BBR, HTTPRoute matching, the pool's EPP over"
        + " ext_proc, forwarding with fallbacks, responses streamed back through the processors.")
public final class GatewayMain implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Route file, or classpath:<resource> (default: ${DEFAULT-VALUE}).",
      defaultValue = "classpath:gateway/seed-routes.yaml")
  private String config;

  @Option(names = "--listen", paramLabel = "HOST:PORT",
      description = "Listen address, overriding the route file's 'listen' (default there: localhost:8080).")
  private String listen;

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new GatewayMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    GatewayConfig loaded;
    try {
      loaded = GatewayConfigLoader.load(config);
      if (listen != null) {
        loaded = loaded.withListen(listen);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    LocalGateway gateway = LocalGateway.start(loaded);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gateway.close();
      stopped.countDown();
    }, "gateway-shutdown"));
    describe(gateway, System.out);
    stopped.await();
    return 0;
  }

  private static void describe(LocalGateway gateway, PrintStream out) {
    GatewayConfig config = gateway.config();
    out.println("Local gateway (development and test tool) on " + gateway.baseUri());
    out.println(config.bbr() == null ? "  BBR: none" : "  BBR: " + config.bbr().address()
        + (config.bbr().tls() ? " (TLS)" : " (plaintext)"));
    for (InferencePoolSpec pool : config.pools()) {
      String epp = pool.endpointPickerRef() == null ? "no EPP (round-robin)"
          : "EPP " + pool.endpointPickerRef().address() + (pool.endpointPickerRef().tls() ? " (TLS, " : " (plaintext, ")
              + pool.endpointPickerRef().failureMode().wireName() + ")";
      out.println("  pool " + pool.name() + ": " + epp + ", endpoints " + pool.endpoints());
    }
    for (HttpRouteSpec route : config.routes()) {
      out.println("  route " + route.name() + ": " + route.rules().size() + " rule(s)");
    }
    RouteTable.exactHeaderValues(config.routes()).values().stream().flatMap(Set::stream).findFirst()
        .ifPresent(model -> out.println("Try: curl -i " + gateway.baseUri() + "/v1/completions"
            + " -H 'Content-Type: application/json' -d '{\"model\": \"" + model
            + "\", \"prompt\": \"Hello\", \"max_tokens\": 10}'"));
    out.println("Ctrl-C stops the gateway.");
  }
}
