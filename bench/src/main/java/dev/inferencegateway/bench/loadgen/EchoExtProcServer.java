package dev.inferencegateway.bench.loadgen;

import dev.inferencegateway.extproc.ExchangeHandler;
import dev.inferencegateway.extproc.ExtProcService;
import dev.inferencegateway.extproc.HeaderChanges;
import dev.inferencegateway.extproc.RequestOutcome;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A do-nothing ext_proc server that measures the transport's limit: it answers the request after
 * the body's end of stream by echoing the body (FULL_DUPLEX_STREAMED, 62,000-byte chunks, the same
 * protocol engine as the EPP and BBR) and echoes the response. Plaintext only.
 *
 * <p>It does nothing that could block, so it answers on the transport's threads (gRPC's direct
 * executor), the cheapest way gRPC serves a stream.
 */
@Command(name = "echo-ext-proc", mixinStandardHelpOptions = true,
    description = "Do-nothing ext_proc server: echoes request and response bodies (plaintext gRPC).")
public final class EchoExtProcServer implements Callable<Integer>, AutoCloseable {
  @Option(names = "--address", defaultValue = "127.0.0.1", description = "Bind address (default: ${DEFAULT-VALUE}).")
  private String host = "127.0.0.1";

  @Option(names = "--port", defaultValue = "9002", description = "Port, 0 for a free one (default: ${DEFAULT-VALUE}).")
  private int port = 9002;

  @Option(names = "--max-body-bytes", defaultValue = "67108864",
      description = "Request bodies above this get 413 (default: ${DEFAULT-VALUE}).")
  private long maxBodyBytes = 64L * 1024 * 1024;

  private Server server;

  /** The handler: forward the body unchanged, no header changes; the response is echoed by default. */
  static ExchangeHandler echo() {
    return request -> new RequestOutcome.Forward(HeaderChanges.NONE, request.body(), false, Map.of());
  }

  /** Starts a server on {@code host:port} (port 0 picks one). */
  public static EchoExtProcServer start(String host, int port) throws IOException {
    EchoExtProcServer echo = new EchoExtProcServer();
    echo.host = host;
    echo.port = port;
    echo.listen();
    return echo;
  }

  private void listen() throws IOException {
    server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port), InsecureServerCredentials.create())
        .directExecutor().addService(new ExtProcService(EchoExtProcServer::echo, maxBodyBytes)).build().start();
  }

  /** Returns {@code host:port}. */
  public String address() {
    return host + ":" + server.getPort();
  }

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new EchoExtProcServer()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    listen();
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "echo-shutdown"));
    System.out.println("echo ext_proc server on grpc://" + address() + " (Ctrl-C stops it)");
    server.awaitTermination();
    return 0;
  }

  @Override
  public void close() {
    try {
      server.shutdown();
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
