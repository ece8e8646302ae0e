package dev.inferencegateway.bench.gateway;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Opens gRPC channels to ext_proc servers (EPP, BBR) for the local gateway and the load
 * generator: plaintext, or TLS trusting any certificate (the EPP's self-signed one included).
 */
public final class ExtProcChannels {
  private ExtProcChannels() {}

  /** Opens a channel to {@code hostPort}. */
  public static ManagedChannel open(String hostPort, boolean tls) {
    ChannelCredentials credentials = tls
        ? TlsChannelCredentials.newBuilder().trustManager(TrustAllTrustManager.INSTANCE).build()
        : InsecureChannelCredentials.create();
    return Grpc.newChannelBuilder(hostPort, credentials)
        .maxInboundMessageSize(16 * 1024 * 1024)
        .build();
  }

  /** Shuts {@code channel} down, waiting up to {@code grace} for calls in flight. */
  public static void close(ManagedChannel channel, Duration grace) {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        channel.shutdownNow().awaitTermination(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
