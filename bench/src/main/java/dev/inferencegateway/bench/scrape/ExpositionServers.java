package dev.inferencegateway.bench.scrape;

import com.sun.net.httpserver.HttpServer;
import dev.inferencegateway.bench.jmh.metrics.VllmExposition;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The serving side of the scrape-cost harness, run in its own JVM so that its CPU is not counted
 * as the collector's: {@code N} loopback HTTP servers that answer {@code /metrics} with the ~8 KB
 * vLLM exposition.
 *
 * <p>Prints {@code PORTS p1,p2,...} once listening, then serves until its standard input closes
 * (the harness exits) or {@code maxSeconds} pass, whichever comes first.
 *
 * <p>The harness starts it with {@code -Dsun.net.httpserver.nodelay=true}: like uvicorn, which
 * serves vLLM's metrics, the servers disable Nagle's algorithm, without which every response waits
 * for the client's delayed acknowledgement (about 40 ms on Linux).
 *
 * <p>Usage: {@code ExpositionServers <count> <maxSeconds>}.
 */
public final class ExpositionServers {
  private ExpositionServers() {}

  /** Starts the servers. */
  public static void main(String[] args) throws IOException, InterruptedException {
    int count = Integer.parseInt(args[0]);
    long maxSeconds = Long.parseLong(args[1]);
    byte[] body = VllmExposition.bytes();
    ExecutorService handlers = Executors.newFixedThreadPool(4);
    List<HttpServer> servers = new ArrayList<>();
    StringJoiner ports = new StringJoiner(",", "PORTS ", "");
    for (int i = 0; i < count; i++) {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      server.createContext("/metrics", exchange -> {
        try (exchange) {
          exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
      });
      server.setExecutor(handlers);
      server.start();
      servers.add(server);
      ports.add(String.valueOf(server.getAddress().getPort()));
    }
    System.out.println(ports);
    System.out.flush();
    Thread stdinWatcher = Thread.ofPlatform().daemon().start(() -> {
      try {
        while (System.in.read() >= 0) {
          continue;
        }
      } catch (IOException e) {
        return;
      }
    });
    stdinWatcher.join(TimeUnit.SECONDS.toMillis(maxSeconds));
    servers.forEach(s -> s.stop(0));
    handlers.shutdownNow();
  }
}
