package dev.inferencegateway.bench.sim.jmh;

import dev.inferencegateway.bench.sim.SimFleet;
import dev.inferencegateway.bench.sim.engine.Completion;
import dev.inferencegateway.bench.sim.engine.EngineConfig;
import dev.inferencegateway.bench.sim.engine.EngineRejectedException;
import dev.inferencegateway.bench.sim.engine.GenerationRequest;
import dev.inferencegateway.bench.sim.engine.LatencyProfile;
import dev.inferencegateway.bench.sim.engine.ModelEngine;
import dev.inferencegateway.bench.sim.engine.TokenSink;
import dev.inferencegateway.bench.sim.fleet.FleetFiles;
import dev.inferencegateway.bench.sim.metrics.VllmMetricsExposition;
import dev.inferencegateway.bench.sim.time.ManualSimTime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The simulator's own cost, so that load tests know it is not the bottleneck: one generation
 * simulated on virtual time (engine only), one {@code /metrics} exposition of a warm engine, and
 * one non-streaming chat completion over loopback HTTP with zero model latency.
 *
 * <pre>
 * mvn -B -ntp -o -pl bench -am -DskipTests -Pjmh \
 *   -Djmh.args="SimulatorBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc" package
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SimulatorBenchmark {
  private static final int PROMPTS = 256;
  private static final String CHAT = """
      {"model": "meta-llama/Llama-3.1-8B-Instruct", "max_tokens": 32, "ignore_eos": true,
       "messages": [{"role": "developer", "content": "You are a helpful assistant."},
                    {"role": "user", "content": "Linux is said to be an open source kernel because "}]}""";

  private ManualSimTime time;
  private ModelEngine engine;
  private VllmMetricsExposition exposition;
  private String[] prompts;
  private int next;
  private SimFleet fleet;
  private HttpClient client;
  private HttpRequest chat;

  /** Builds a warm engine (1,000 requests served) and a one-pod fleet with no latency. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    time = new ManualSimTime(Instant.parse("2026-01-01T00:00:00Z"));
    engine = new ModelEngine(new EngineConfig(16, 1000, 2, 16, 4096, LatencyProfile.LLAMA_8B_H100), true, time,
        new SplittableRandom(1));
    exposition = new VllmMetricsExposition("meta-llama/Llama-3.1-8B-Instruct", "0", true);
    String system = "You are a helpful assistant that answers questions about the Linux kernel. ".repeat(7);
    SplittableRandom random = new SplittableRandom(2);
    prompts = new String[PROMPTS];
    for (int i = 0; i < PROMPTS; i++) {
      prompts[i] = system + "Question " + random.nextLong() + ": " + "why is the sky blue? ".repeat(20);
    }
    for (int i = 0; i < 1000; i++) {
      generation();
    }
    fleet = SimFleet.start(FleetFiles.parse("benchmark", """
        pools:
          - name: bench
            model: meta-llama/Llama-3.1-8B-Instruct
            latency: {prefill-overhead: 0s, prefill-time-per-token: 0s, inter-token-latency: 0s,
                      inter-token-latency-std-dev: 0s, time-factor-under-load: 1.0}
        """.getBytes(StandardCharsets.UTF_8)));
    client = HttpClient.newHttpClient();
    chat = HttpRequest.newBuilder(URI.create(fleet.servers().getFirst().baseUri() + "/v1/chat/completions"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(CHAT)).build();
  }

  /** Stops the fleet. */
  @TearDown(Level.Trial)
  public void tearDown() {
    fleet.close();
    client.close();
  }

  /** One 32-token generation of a ~1 KB prompt that shares a 520-character prefix, on virtual time. */
  @Benchmark
  public Completion generation() throws EngineRejectedException {
    LastCompletion sink = new LastCompletion();
    engine.submit(new GenerationRequest(null, prompts[next++ % PROMPTS], null, 32, 32), sink);
    time.runUntilIdle();
    return sink.completion;
  }

  /** One {@code /metrics} body of the warm engine (snapshot and rendering). */
  @Benchmark
  public String metricsExposition() {
    return exposition.render(engine.snapshot());
  }

  /** One non-streaming chat completion (32 tokens) over loopback HTTP, model latency zero. */
  @Benchmark
  public int chatOverHttp() throws IOException, InterruptedException {
    return client.send(chat, HttpResponse.BodyHandlers.ofString()).body().length();
  }

  private static final class LastCompletion implements TokenSink {
    private Completion completion;

    @Override
    public void onToken(int index) {}

    @Override
    public void onComplete(Completion completion) {
      this.completion = completion;
    }

    @Override
    public void onAbort(String reason) {
      throw new IllegalStateException(reason);
    }
  }
}
