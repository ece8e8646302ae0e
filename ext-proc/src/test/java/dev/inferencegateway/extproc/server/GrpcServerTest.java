package dev.inferencegateway.extproc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.inferencegateway.extproc.ExtProcService;
import dev.inferencegateway.extproc.HeaderChanges;
import dev.inferencegateway.extproc.RequestOutcome;
import dev.inferencegateway.extproc.client.Exchange;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.ExtProcClient;
import dev.inferencegateway.extproc.client.RequestResult;
import dev.inferencegateway.extproc.tls.CertifiedKey;
import dev.inferencegateway.extproc.tls.PemFiles;
import dev.inferencegateway.extproc.tls.SelfSignedCertificates;
import dev.inferencegateway.extproc.tls.ServerTls;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrpcServerTest {
  private static final Map<String, String> HEADERS = Map.of(":method", "POST", ":path", "/v1/completions");
  private final List<ManagedChannel> channels = new ArrayList<>();
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @TempDir
  Path dir;

  @AfterEach
  void cleanUp() throws Exception {
    channels.forEach(ManagedChannel::shutdownNow);
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  private static ExtProcService echoService() {
    return new ExtProcService(() -> request -> new RequestOutcome.Forward(
        HeaderChanges.setting(Map.of("x-gateway-destination-endpoint", "10.0.0.1:8000")), request.body(), false,
        Map.of()), 1 << 20);
  }

  private GrpcServer start(GrpcServer.Builder builder) throws Exception {
    GrpcServer server = builder.start();
    closeables.add(server);
    return server;
  }

  private ManagedChannel channel(int port, ChannelCredentials credentials) {
    ManagedChannel channel = Grpc.newChannelBuilderForAddress("localhost", port, credentials).build();
    channels.add(channel);
    return channel;
  }

  @Test
  void tls_selfSignedCertificate_servesExtProcAndHealthOverH2() throws Exception {
    ServerTls tls = ServerTls.selfSigned(Clock.systemUTC());
    HealthStatusManager health = new HealthStatusManager();
    GrpcServer server = start(GrpcServer.builder("ext-proc", 0).credentials(tls.credentials())
        .service(echoService()).health(health));
    String pem = PemFiles.encode("CERTIFICATE", tls.current().leaf().getEncoded());
    ManagedChannel channel = channel(server.port(), TlsChannelCredentials.newBuilder()
        .trustManager(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).build());

    RequestResult result = new ExtProcClient(channel).open(ExchangeOptions.fullDuplex())
        .sendRequest(HEADERS, "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8), 4, false)
        .get(10, TimeUnit.SECONDS);

    assertThat(result.header("x-gateway-destination-endpoint")).contains("10.0.0.1:8000");
    assertThat(result.body().toStringUtf8()).isEqualTo("{\"model\":\"m\"}");
    assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus())
        .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
  }

  @Test
  void tls_fromDirectoryWithReload_servesTheNewCertificateAfterAChange() throws Exception {
    CertifiedKey first = newKey("first");
    PemFiles.write(first, dir.resolve("tls.crt"), dir.resolve("tls.key"));
    ServerTls tls = ServerTls.fromDirectory(dir, true);
    closeables.add(tls);
    GrpcServer server = start(GrpcServer.builder("ext-proc", 0).credentials(tls.credentials()).service(echoService()));
    assertThat(servedCertificate(server.port())).isEqualTo(first.leaf());

    CertifiedKey second = newKey("second");
    Path staging = Files.createDirectory(dir.resolve("..staging"));
    PemFiles.write(second, staging.resolve("tls.crt"), staging.resolve("tls.key"));
    Files.move(staging.resolve("tls.key"), dir.resolve("tls.key"), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    Files.move(staging.resolve("tls.crt"), dir.resolve("tls.crt"), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);

    await().atMost(Duration.ofSeconds(20)).until(() -> tls.current().leaf().equals(second.leaf()));
    assertThat(servedCertificate(server.port())).isEqualTo(second.leaf());
    assertThat(tls.reloadCount()).isPositive();
  }

  @Test
  void tls_brokenFilesOnReload_keepTheCurrentCertificate() throws Exception {
    CertifiedKey first = newKey("first");
    PemFiles.write(first, dir.resolve("tls.crt"), dir.resolve("tls.key"));
    ServerTls tls = ServerTls.fromDirectory(dir, false);
    Files.writeString(dir.resolve("tls.crt"), "garbage");

    assertThat(tls.reload()).isFalse();
    assertThat(tls.current().leaf()).isEqualTo(first.leaf());
  }

  @Test
  void shutdown_drainsInFlightStreamsAndRefusesNewOnes() throws Exception {
    GrpcServer server = start(GrpcServer.builder("ext-proc", 0).service(echoService()));
    ManagedChannel channel = channel(server.port(), InsecureChannelCredentials.create());
    ExtProcClient client = new ExtProcClient(channel);
    Exchange inFlight = client.open(ExchangeOptions.fullDuplex());
    CompletableFuture<RequestResult> pending = inFlight.sendRequest(HEADERS, new byte[0], 0, false);
    pending.get(10, TimeUnit.SECONDS);
    CompletableFuture<Map<String, String>> firstHeaders = inFlight.sendResponseHeaders(Map.of(":status", "200"), false);
    firstHeaders.get(10, TimeUnit.SECONDS);

    CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> server.shutdownGracefully(Duration.ofSeconds(20)));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      Exchange refused = client.open(ExchangeOptions.fullDuplex());
      Status status = refused.closedFuture().isDone() ? refused.closedFuture().get()
          : statusOf(refused.sendRequest(HEADERS, new byte[] {1}, 0, false));
      assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    });
    assertThat(drained).isNotDone();

    inFlight.sendResponseBody(ByteString.copyFromUtf8("done"), true);
    assertThat(inFlight.responseBodyDone().get(10, TimeUnit.SECONDS).body().toStringUtf8()).isEqualTo("done");
    inFlight.close();
    assertThat(drained.get(20, TimeUnit.SECONDS)).isTrue();
    assertThat(server.isTerminated()).isTrue();
  }

  @Test
  void shutdown_cancelsStreamsStillOpenAfterTheBound() throws Exception {
    GrpcServer server = start(GrpcServer.builder("ext-proc", 0).service(echoService()));
    ExtProcClient client = new ExtProcClient(channel(server.port(), InsecureChannelCredentials.create()));
    Exchange stuck = client.open(ExchangeOptions.fullDuplex());
    stuck.sendRequest(HEADERS, new byte[] {'x'}, 0, false).get(10, TimeUnit.SECONDS);

    assertThat(server.shutdownGracefully(Duration.ofMillis(300))).isFalse();

    assertThat(stuck.closedFuture().get(10, TimeUnit.SECONDS).getCode()).isNotEqualTo(Status.Code.OK);
    assertThat(server.isTerminated()).isTrue();
  }

  private static Status statusOf(CompletableFuture<?> future) throws InterruptedException {
    try {
      future.get(10, TimeUnit.SECONDS);
      return Status.OK;
    } catch (ExecutionException e) {
      return Status.fromThrowable(e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      return Status.DEADLINE_EXCEEDED;
    }
  }

  private static CertifiedKey newKey(String cn) {
    return SelfSignedCertificates.generate(cn, List.of("localhost"), Duration.ofDays(1), Clock.systemUTC(),
        new SecureRandom());
  }

  private X509Certificate servedCertificate(int port) throws Exception {
    AtomicReference<X509Certificate> seen = new AtomicReference<>();
    ManagedChannel channel = channel(port, TlsChannelCredentials.newBuilder()
        .trustManager(new RecordingTrustManager(seen)).build());
    new ExtProcClient(channel).open(ExchangeOptions.fullDuplex())
        .sendRequest(HEADERS, new byte[] {'x'}, 0, false).get(10, TimeUnit.SECONDS);
    channel.shutdownNow();
    return seen.get();
  }

  /** Accepts any server certificate and records it. */
  private static final class RecordingTrustManager extends X509ExtendedTrustManager {
    private final AtomicReference<X509Certificate> seen;

    RecordingTrustManager(AtomicReference<X509Certificate> seen) {
      this.seen = seen;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      seen.set(chain[0]);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
      seen.set(chain[0]);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      seen.set(chain[0]);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
