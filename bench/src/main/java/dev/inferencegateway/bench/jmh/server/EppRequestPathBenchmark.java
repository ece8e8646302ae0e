package dev.inferencegateway.bench.jmh.server;

import com.google.protobuf.UnsafeByteOperations;
import dev.inferencegateway.bench.loadgen.FixedSizeWorkload;
import dev.inferencegateway.bench.loadgen.ModelMix;
import dev.inferencegateway.epp.core.config.ConfigLoader;
import dev.inferencegateway.epp.core.config.ConfigSource;
import dev.inferencegateway.epp.core.config.LoadedConfig;
import dev.inferencegateway.epp.core.config.LoaderOptions;
import dev.inferencegateway.epp.core.director.Director;
import dev.inferencegateway.epp.core.director.DirectorOptions;
import dev.inferencegateway.epp.core.director.RequestPipeline;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.plugin.PluginEnvironment;
import dev.inferencegateway.epp.core.request.ApiType;
import dev.inferencegateway.epp.datastore.DatastoreOptions;
import dev.inferencegateway.epp.datastore.PoolDatastore;
import dev.inferencegateway.epp.datastore.staticendpoints.StaticSource;
import dev.inferencegateway.epp.datastore.staticendpoints.StaticSourceOptions;
import dev.inferencegateway.epp.server.BuiltinPlugins;
import dev.inferencegateway.epp.server.handler.EppExchangeFactory;
import dev.inferencegateway.epp.server.handler.ExchangeServices;
import dev.inferencegateway.epp.server.handler.RequestIds;
import dev.inferencegateway.epp.server.metrics.EppMetrics;
import dev.inferencegateway.extproc.BodyMode;
import dev.inferencegateway.extproc.CloseReason;
import dev.inferencegateway.extproc.ExchangeHandler;
import dev.inferencegateway.extproc.ExtProcService;
import dev.inferencegateway.extproc.HeaderChanges;
import dev.inferencegateway.extproc.HttpHeadersView;
import dev.inferencegateway.extproc.RequestContext;
import dev.inferencegateway.extproc.RequestOutcome;
import dev.inferencegateway.extproc.client.Exchange;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.ExtProcClient;
import dev.inferencegateway.extproc.client.RequestResult;
import dev.inferencegateway.extproc.server.GrpcServer;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The EPP's request path with the built-in default configuration over 100 static endpoints with
 * varied fresh metrics: {@code handler} is one routing decision of the ext_proc handler (openai
 * parser, director with the default profile and prefix producer, answer); {@code loopbackExchange}
 * adds the ext_proc protocol engine, protobuf and HTTP/2 over a loopback plaintext gRPC connection
 * (the body sent in 16 KiB chunks, echoed in 62,000-byte chunks); {@code loopbackEcho} is the same
 * exchange against a handler that only forwards the body, the transport's floor in this JVM. Bodies are OpenAI chat requests of 2 KB and 220 KB
 * with distinct prompts, cycled from a pool of 64.
 *
 * <p>Run: {@code mvn -B -ntp -o -pl bench -am -DskipTests -Pjmh
 * -Djmh.args="EppRequestPathBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc" package}. The figures
 * are per request on one thread; the load generator measures throughput across connections.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EppRequestPathBenchmark {
  private static final Map<String, String> HEADERS = Map.of(":method", "POST", ":path", "/v1/chat/completions",
      ":authority", "gateway", "content-type", "application/json");

  @Param({"2048", "225280"})
  int bodyBytes;

  @Param({"100"})
  int endpoints;

  private final List<byte[]> bodies = new ArrayList<>();
  private int next;
  private ScheduledExecutorService scheduler;
  private ExecutorService pluginExecutor;
  private PoolDatastore datastore;
  private EppExchangeFactory handlers;
  private GrpcServer server;
  private ManagedChannel channel;
  private ExtProcClient client;
  private GrpcServer echoServer;
  private ManagedChannel echoChannel;
  private ExtProcClient echoClient;

  /** Builds the datastore, the default configuration, the handler and a loopback ext_proc server. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < endpoints; i++) {
      addresses.add("10.0." + (i / 250) + "." + (i % 250 + 1) + ":8000");
    }
    Clock clock = Clock.systemUTC();
    datastore = new PoolDatastore(new StaticSource(StaticSourceOptions.fromEndpointsFlag(String.join(",", addresses),
        "bench", "default")), DatastoreOptions.defaults());
    datastore.start();
    datastore.awaitSynced(Duration.ofSeconds(10));
    Random random = new Random(42);
    datastore.endpoints().forEach(e -> datastore.endpoint(e.metadata().name()).orElseThrow().updateMetrics(
        m -> ModelServerMetrics.EMPTY.toBuilder().waitingQueueSize(random.nextInt(10)).runningRequests(random.nextInt(20))
            .kvCacheUsage(random.nextDouble() * 0.8).cacheBlockSize(16).cacheNumBlocks(31_250)
            .updateTime(clock.instant().plusSeconds(3_600)).build()));
    scheduler = Executors.newScheduledThreadPool(1);
    pluginExecutor = Executors.newVirtualThreadPerTaskExecutor();
    EppMetrics metrics = new EppMetrics(new PrometheusRegistry(), "bench", "bench");
    PluginEnvironment env = new PluginEnvironment(clock, System::nanoTime, random, scheduler, datastore, metrics);
    LoadedConfig config = new ConfigLoader(BuiltinPlugins.registry(), env, LoaderOptions.defaults())
        .load(ConfigSource.builtInDefault());
    Director director = new Director(datastore, RequestPipeline.from(config), DirectorOptions.DEFAULTS, metrics, random,
        System::nanoTime, scheduler);
    handlers = new EppExchangeFactory(new ExchangeServices(director, metrics, metrics, System::nanoTime,
        RequestIds.from(random), pluginExecutor, 64 << 20));
    FixedSizeWorkload workload = new FixedSizeWorkload(ApiType.CHAT_COMPLETIONS, bodyBytes,
        ModelMix.single("food-review"), 128, false, 7);
    for (int i = 0; i < 64; i++) {
      bodies.add(workload.next(i).body());
    }
    server = GrpcServer.builder("bench-ext-proc", 0).service(new ExtProcService(handlers, 64L << 20))
        .bindAddress("127.0.0.1").start();
    channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), InsecureChannelCredentials.create()).build();
    client = new ExtProcClient(channel);
    echoServer = GrpcServer.builder("bench-echo", 0).bindAddress("127.0.0.1").service(new ExtProcService(
        () -> request -> new RequestOutcome.Forward(HeaderChanges.NONE, request.body(), false, Map.of()), 64L << 20))
        .start();
    echoChannel = Grpc.newChannelBuilderForAddress("127.0.0.1", echoServer.port(), InsecureChannelCredentials.create())
        .build();
    echoClient = new ExtProcClient(echoChannel);
  }

  /** Stops everything. */
  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    channel.shutdownNow();
    server.close();
    echoChannel.shutdownNow();
    echoServer.close();
    datastore.close();
    scheduler.shutdownNow();
    pluginExecutor.shutdownNow();
  }

  private byte[] nextBody() {
    byte[] body = bodies.get(next);
    next = (next + 1) % bodies.size();
    return body;
  }

  /** One routing decision of the EPP handler. */
  @Benchmark
  public RequestOutcome handler() {
    ExchangeHandler exchange = handlers.newExchange();
    RequestOutcome outcome = exchange.onRequest(new RequestContext(HttpHeadersView.of(HEADERS),
        UnsafeByteOperations.unsafeWrap(nextBody()), true, Map.of(), BodyMode.FULL_DUPLEX_STREAMED));
    exchange.onClose(CloseReason.COMPLETED);
    return outcome;
  }

  /** One request phase over the ext_proc engine and a loopback gRPC connection. */
  @Benchmark
  public RequestResult loopbackExchange() throws Exception {
    return requestPhase(client);
  }

  /** The same request phase against a handler that forwards the body untouched: the transport floor. */
  @Benchmark
  public RequestResult loopbackEcho() throws Exception {
    return requestPhase(echoClient);
  }

  private RequestResult requestPhase(ExtProcClient target) throws Exception {
    Exchange exchange = target.open(ExchangeOptions.fullDuplex());
    RequestResult result = exchange.sendRequest(HEADERS, nextBody(), 16_384, false).get(10, TimeUnit.SECONDS);
    exchange.close();
    return result;
  }
}
