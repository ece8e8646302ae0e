package dev.inferencegateway.epp.server.testing;

import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.director.Director;
import dev.inferencegateway.epp.core.director.DirectorOptions;
import dev.inferencegateway.epp.core.director.RequestPipeline;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.parser.Parser;
import dev.inferencegateway.epp.core.plugin.NoParameters;
import dev.inferencegateway.epp.core.plugin.PluginHandle;
import dev.inferencegateway.epp.core.scheduling.Picker;
import dev.inferencegateway.epp.core.scheduling.ProfileHandler;
import dev.inferencegateway.epp.core.scheduling.Scheduler;
import dev.inferencegateway.epp.core.scheduling.Scorer;
import dev.inferencegateway.epp.core.testing.TestHandles;
import dev.inferencegateway.epp.plugins.picker.PickerParameters;
import dev.inferencegateway.epp.plugins.picker.maxscore.MaxScorePicker;
import dev.inferencegateway.epp.plugins.profile.single.SingleProfileHandler;
import dev.inferencegateway.epp.plugins.scorer.queue.QueueScorer;
import dev.inferencegateway.epp.core.scheduling.SchedulerProfile;
import dev.inferencegateway.epp.core.scheduling.WeightedScorer;
import dev.inferencegateway.epp.core.testing.FakeDatastore;
import dev.inferencegateway.epp.core.testing.TestEndpoints;
import dev.inferencegateway.epp.server.handler.EppExchangeFactory;
import dev.inferencegateway.epp.server.handler.ExchangeServices;
import dev.inferencegateway.epp.server.handler.RequestIds;
import dev.inferencegateway.epp.server.parser.openai.OpenAiParser;
import dev.inferencegateway.epp.server.requestcontrol.servedverifier.DestinationEndpointServedVerifier;
import dev.inferencegateway.extproc.CloseReason;
import dev.inferencegateway.extproc.ExtProcService;
import dev.inferencegateway.extproc.client.Exchange;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.ExtProcClient;
import dev.inferencegateway.extproc.server.GrpcServer;
import dev.inferencegateway.extproc.tls.PemFiles;
import dev.inferencegateway.extproc.tls.ServerTls;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.TlsChannelCredentials;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An EPP request path with test plugins over a {@link FakeDatastore}, served in process or on a
 * real loopback port (optionally TLS with a self-signed certificate), and an Envoy-playing client.
 */
public final class EppHarness implements AutoCloseable {
  public final FakeDatastore datastore = new FakeDatastore().endpoints(List.of(
      endpoint("pod1", "192.168.1.1", 3), endpoint("pod2", "192.168.1.2", 0), endpoint("pod3", "192.168.1.3", 10)));
  public final TestPlugins.FixedSaturation saturation = new TestPlugins.FixedSaturation();
  public final TestPlugins.SwitchAdmitter admitter = new TestPlugins.SwitchAdmitter();
  public final TestPlugins.RecordingBodyPlugin bodyPlugin = new TestPlugins.RecordingBodyPlugin();
  public final RecordingRequestMetrics metrics = new RecordingRequestMetrics();
  public final List<CloseReason> closes = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService pluginExecutor = Executors.newFixedThreadPool(2);
  private final Server inProcess;
  private final GrpcServer netty;
  private final ServerTls tls;
  private final ManagedChannel channel;
  private final ExtProcClient client;

  private EppHarness(Builder b) throws IOException {
    PluginHandle handle = TestHandles.handle(datastore, 7);
    SchedulerProfile profile = new SchedulerProfile("default", List.of(new TestPlugins.HeaderDropFilter()),
        List.of(new WeightedScorer((Scorer) QueueScorer.DESCRIPTOR.factory().create("queue-scorer",
            new NoParameters(), handle), 1)),
        (Picker) MaxScorePicker.DESCRIPTOR.factory().create("max-score-picker", new PickerParameters(b.targets), handle),
        MetricsRecorder.NOOP, System::nanoTime);
    Scheduler scheduler = new Scheduler((ProfileHandler) SingleProfileHandler.DESCRIPTOR.factory()
        .create("single-profile-handler", new NoParameters(), handle), Map.of("default", profile),
        MetricsRecorder.NOOP, System::nanoTime);
    RequestPipeline pipeline = new RequestPipeline(b.parser, Optional.of(saturation), List.of(), List.of(admitter),
        scheduler, List.of(), List.of(new DestinationEndpointServedVerifier("verifier")), List.of(bodyPlugin));
    Director director = new Director(datastore, pipeline, DirectorOptions.DEFAULTS, MetricsRecorder.NOOP,
        new Random(1), System::nanoTime, timer);
    ExchangeServices services = new ExchangeServices(director, MetricsRecorder.NOOP, metrics, System::nanoTime,
        RequestIds.from(new Random(2)), pluginExecutor, 1 << 20);
    EppExchangeFactory exchanges = new EppExchangeFactory(services);
    ExtProcService service = new ExtProcService(() -> new RecordingClose(exchanges.newExchange(), closes),
        b.maxBodyBytes);
    if (!b.network) {
      String name = InProcessServerBuilder.generateName();
      inProcess = InProcessServerBuilder.forName(name).directExecutor().addService(service).build().start();
      netty = null;
      tls = null;
      channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    } else {
      inProcess = null;
      tls = b.tls ? ServerTls.selfSigned(Clock.systemUTC()) : null;
      GrpcServer.Builder server = GrpcServer.builder("ext-proc", 0).service(service).maxInboundMessageSize(8 << 20);
      if (tls != null) {
        server.credentials(tls.credentials());
      }
      netty = server.start();
      ChannelCredentials credentials = tls == null ? InsecureChannelCredentials.create()
          : TlsChannelCredentials.newBuilder().trustManager(new ByteArrayInputStream(
              PemFiles.encode("CERTIFICATE", certificate()).getBytes(StandardCharsets.US_ASCII))).build();
      channel = Grpc.newChannelBuilderForAddress("localhost", netty.port(), credentials)
          .maxInboundMessageSize(8 << 20).build();
    }
    client = new ExtProcClient(channel);
  }

  private byte[] certificate() {
    try {
      return tls.current().leaf().getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns an endpoint of pod {@code pod} at {@code ip:8000} with a queue of {@code queue}. */
  public static EndpointSnapshot endpoint(String pod, String ip, int queue) {
    return new EndpointSnapshot(TestEndpoints.metadata(pod, ip), TestEndpoints.metrics(queue, 0.1));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Opens a full-duplex exchange. */
  public Exchange open() {
    return client.open(ExchangeOptions.fullDuplex());
  }

  /** Opens an exchange with the given options. */
  public Exchange open(ExchangeOptions options) {
    return client.open(options);
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    if (inProcess != null) {
      inProcess.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (netty != null) {
      netty.close();
    }
    timer.shutdownNow();
    pluginExecutor.shutdownNow();
  }

  /** Describes an {@link EppHarness}. */
  public static final class Builder {
    private int targets = 1;
    private Parser parser = new OpenAiParser("openai-parser");
    private boolean network;
    private boolean tls;
    private long maxBodyBytes = 64L << 20;

    public Builder targets(int value) {
      targets = value;
      return this;
    }

    public Builder parser(Parser value) {
      parser = value;
      return this;
    }

    public Builder loopback(boolean withTls) {
      network = true;
      tls = withTls;
      return this;
    }

    public Builder maxBodyBytes(long value) {
      maxBodyBytes = value;
      return this;
    }

    public EppHarness start() throws IOException {
      return new EppHarness(this);
    }
  }
}
