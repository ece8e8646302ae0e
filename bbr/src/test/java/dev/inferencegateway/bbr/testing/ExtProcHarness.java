package dev.inferencegateway.bbr.testing;

import dev.inferencegateway.extproc.ExchangeHandlerFactory;
import dev.inferencegateway.extproc.ExtProcService;
import dev.inferencegateway.extproc.client.Exchange;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.ExtProcClient;
import dev.inferencegateway.extproc.client.RequestResult;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** An in-process ext_proc server over a handler factory, driven by the Envoy-playing client. */
public final class ExtProcHarness implements AutoCloseable {
  /** The body limit of harness servers. */
  public static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

  private final Server server;
  private final ManagedChannel channel;
  private final ExtProcClient client;

  /** Starts a server for {@code handlers} with a body limit of {@link #MAX_BODY_BYTES}. */
  public ExtProcHarness(ExchangeHandlerFactory handlers) throws IOException {
    this(handlers, MAX_BODY_BYTES);
  }

  /** Starts a server for {@code handlers} that refuses bodies over {@code maxBodyBytes}. */
  public ExtProcHarness(ExchangeHandlerFactory handlers, long maxBodyBytes) throws IOException {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new ExtProcService(handlers, maxBodyBytes)).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    client = new ExtProcClient(channel);
  }

  /** Returns the client. */
  public ExtProcClient client() {
    return client;
  }

  /** Sends a POST to {@code path} with {@code body} in chunks and returns the processor's answer. */
  public RequestResult post(String path, String body, int chunkSize, ExchangeOptions options) throws Exception {
    return post(path, body.getBytes(StandardCharsets.UTF_8), chunkSize, options);
  }

  /** Sends a POST to {@code path} with {@code body} in chunks and returns the processor's answer. */
  public RequestResult post(String path, byte[] body, int chunkSize, ExchangeOptions options) throws Exception {
    try (Exchange exchange = client.open(options)) {
      return exchange.sendRequest(headers(path), body, chunkSize, false).get(20, TimeUnit.SECONDS);
    }
  }

  /** Sends a full-duplex POST with the body in 16 KiB chunks. */
  public RequestResult post(String path, String body) throws Exception {
    return post(path, body, 16_384, ExchangeOptions.fullDuplex());
  }

  /** Returns the request headers of a JSON POST to {@code path}. */
  public static Map<String, String> headers(String path) {
    return Map.of(":method", "POST", ":path", path, ":authority", "gateway.example", "content-type",
        "application/json");
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
