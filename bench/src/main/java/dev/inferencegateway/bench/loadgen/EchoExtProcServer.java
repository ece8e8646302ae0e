package dev.inferencegateway.bench.loadgen;

import dev.inferencegateway.extproc.ExchangeHandler;
import dev.inferencegateway.extproc.ExtProcService;
import dev.inferencegateway.extproc.HeaderChanges;
import dev.inferencegateway.extproc.RequestOutcome;
import dev.inferencegateway.extproc.server.GrpcServer;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A do-nothing ext_proc server that measures the transport's limit: it answers the request after
 * the body's end of stream by echoing the body (FULL_DUPLEX_STREAMED, 62,000-byte chunks, the same
 * protocol engine as the EPP and BBR) and echoes the response. Plaintext only.
 *
 * <p>It runs on the same {@link GrpcServer} as the EPP. It does nothing that could block, so by
 * default it answers on the transport's threads (gRPC's direct executor), the cheapest way gRPC
 * serves a stream; {@code --executor pool} serves on gRPC's default thread pool instead, as a
 * typical gRPC service does.
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

  @Option(names = "--executor", defaultValue = "direct", paramLabel = "direct|pool",
      description = "direct: answer on the transport threads; pool: on gRPC's default thread pool (default: ${DEFAULT-VALUE}).")
  private String executor = "direct";

  private GrpcServer server;

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
    GrpcServer.Builder builder = GrpcServer.builder("echo ext_proc", port).bindAddress(host)
        .service(new ExtProcService(EchoExtProcServer::echo, maxBodyBytes));
    switch (executor) {
      case "direct" -> builder.directExecutor();
      case "pool" -> { }
      default -> throw new CommandLine.ParameterException(new CommandLine(this),
          "--executor must be direct or pool, got '" + executor + "'");
    }
    server = builder.start();
  }

  /** Returns {@code host:port}. */
  public String address() {
    return host + ":" + server.port();
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
    server.shutdownGracefully(Duration.ofSeconds(5));
  }
}
