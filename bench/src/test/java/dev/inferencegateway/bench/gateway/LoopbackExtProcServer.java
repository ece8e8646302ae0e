package dev.inferencegateway.bench.gateway;

import dev.inferencegateway.extproc.ExchangeHandlerFactory;
import dev.inferencegateway.extproc.ExtProcService;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** A real ext_proc server on 127.0.0.1 (plaintext or TLS with a self-signed certificate) for tests. */
public final class LoopbackExtProcServer implements AutoCloseable {
  private final Server server;

  private LoopbackExtProcServer(Server server) {
    this.server = server;
  }

  /** Starts a plaintext server running {@code handlers}. */
  public static LoopbackExtProcServer start(ExchangeHandlerFactory handlers) throws IOException {
    return start(handlers, InsecureServerCredentials.create());
  }

  /** Starts a plaintext server on 127.0.0.1:{@code port} (to bring a dead address back to life). */
  public static LoopbackExtProcServer startOn(int port, ExchangeHandlerFactory handlers) throws IOException {
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port),
            InsecureServerCredentials.create())
        .addService(new ExtProcService(handlers, 8 * 1024 * 1024)).build().start();
    return new LoopbackExtProcServer(server);
  }

  /** Starts a TLS server with a freshly generated self-signed certificate. */
  public static LoopbackExtProcServer startTls(ExchangeHandlerFactory handlers) throws Exception {
    return start(handlers, TlsServerCredentials.newBuilder()
        .keyManager(SelfSignedKeys.generate().getKeyManagers()).build());
  }

  private static LoopbackExtProcServer start(ExchangeHandlerFactory handlers, ServerCredentials credentials)
      throws IOException {
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), credentials)
        .addService(new ExtProcService(handlers, 8 * 1024 * 1024)).build().start();
    return new LoopbackExtProcServer(server);
  }

  /** Returns {@code 127.0.0.1:port}. */
  public String address() {
    return "127.0.0.1:" + server.getPort();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
