package dev.inferencegateway.bench.jmh.scheduling;

import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.PluginParameters;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.request.ApiType;
import dev.inferencegateway.epp.core.request.ByteSlice;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.request.RequestBody;
import dev.inferencegateway.epp.core.scheduling.Picker;
import dev.inferencegateway.epp.core.scheduling.ProfileHandler;
import dev.inferencegateway.epp.core.scheduling.Scheduler;
import dev.inferencegateway.epp.core.scheduling.SchedulerProfile;
import dev.inferencegateway.epp.core.scheduling.SchedulingException;
import dev.inferencegateway.epp.core.scheduling.SchedulingResult;
import dev.inferencegateway.epp.core.scheduling.Scorer;
import dev.inferencegateway.epp.core.scheduling.WeightedScorer;
import dev.inferencegateway.epp.plugins.picker.maxscore.MaxScorePicker;
import dev.inferencegateway.epp.plugins.producer.prefix.ApproxPrefixCacheProducer;
import dev.inferencegateway.epp.plugins.producer.prefix.PrefixCacheParameters;
import dev.inferencegateway.epp.plugins.profile.single.SingleProfileHandler;
import dev.inferencegateway.epp.plugins.scorer.kvcache.KvCacheUtilizationScorer;
import dev.inferencegateway.epp.plugins.scorer.prefix.PrefixCacheScorer;
import dev.inferencegateway.epp.plugins.scorer.queue.QueueScorer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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
 * One scheduling decision of upstream's default profile with the real plugins: the
 * {@code approx-prefix-cache-producer} prepares the prefix match, epp-core's {@link Scheduler}
 * runs {@code queue-scorer} (weight 2), {@code kv-cache-utilization-scorer} (2),
 * {@code prefix-cache-scorer} (3) and {@code max-score-picker} under
 * {@code single-profile-handler}; {@link #decisionAndLearn} adds the producer learning the choice
 * in {@code PreRequest}.
 *
 * <p>With {@code workload=shared} (the default), each decision schedules a 4 KB chat prompt (a 2 KB
 * system prompt shared by every conversation plus a 2 KB user turn) drawn from 256 conversations,
 * over fresh per-request endpoint views as the director builds them. The index is warm: setup
 * runs as many decisions as there are endpoints, at least 2048, before measuring. With
 * {@code workload=unique}, every request is a new 2 KB prompt (the load generator's case), so
 * learning inserts and evicts every block; the endpoints report alike metrics, so the picker
 * spreads requests over all of them as over the load runs' simulated pods, and setup first fills
 * their LRUs to upstream's default capacity (31,250 blocks each); run it with
 * {@code -p endpoints=100}.
 *
 * <p>Run:
 * <pre>
 * mvn -B -ntp -o -pl bench -am -DskipTests -Pjmh \
 *   -Djmh.args="SchedulingBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc" package
 * </pre>
 * Read {@code p0.50} of {@code decision} as the median time per scheduling decision,
 * {@code decisionAndLearn} as that plus the producer's {@code PreRequest} (a prompt of this length,
 * under 128 blocks, is learned at once; longer ones are queued for the plugin scheduler), and
 * {@code gc.alloc.rate.norm} as the bytes allocated per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SchedulingBenchmark {
  private static final int CONVERSATIONS = 256;
  private static final int SYSTEM_PROMPT_BYTES = 2048;
  private static final int USER_TURN_BYTES = 2048;
  private static final String MODEL = "meta-llama/Llama-3.1-8B-Instruct";

  /** The number of candidate endpoints. */
  @Param({"10", "100", "1000"})
  public int endpoints;

  /** {@code shared}: 256 conversations sharing a system prompt; {@code unique}: a new prompt each time. */
  @Param({"shared"})
  public String workload;

  private BenchPluginHandle handle;
  private ApproxPrefixCacheProducer producer;
  private Scheduler scheduler;
  private List<EndpointSnapshot> pool;
  private InferenceRequest[] requests;
  private int next;
  private String uniqueText;
  private long uniqueCount;

  /** Builds the plugins through their descriptors, the endpoints, the prompts, and warms the index. */
  @Setup(Level.Trial)
  public void setUp() throws SchedulingException {
    Random random = new Random(7);
    pool = new ArrayList<>(endpoints);
    for (int i = 0; i < endpoints; i++) {
      String ip = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
      EndpointMetadata metadata = new EndpointMetadata("vllm-" + i + "-rank-0", "inference", "vllm-" + i, ip,
          8000, ip + ":8000", Map.of("app", "vllm"));
      boolean alike = workload.equals("unique");
      ModelServerMetrics metrics = ModelServerMetrics.EMPTY.toBuilder()
          .waitingQueueSize(alike ? 2 : random.nextInt(8)).runningRequests(alike ? 8 : random.nextInt(32))
          .kvCacheUsage(alike ? 0.4 : random.nextDouble() * 0.9).cacheBlockSize(16)
          .updateTime(Instant.now()).build();
      pool.add(new EndpointSnapshot(metadata, metrics));
    }
    handle = new BenchPluginHandle(pool);
    producer = (ApproxPrefixCacheProducer) create(ApproxPrefixCacheProducer.DESCRIPTOR);
    SchedulerProfile profile = new SchedulerProfile("default", List.of(), List.of(
        new WeightedScorer((Scorer) create(QueueScorer.DESCRIPTOR), 2),
        new WeightedScorer((Scorer) create(KvCacheUtilizationScorer.DESCRIPTOR), 2),
        new WeightedScorer((Scorer) create(PrefixCacheScorer.DESCRIPTOR), 3)),
        (Picker) create(MaxScorePicker.DESCRIPTOR), MetricsRecorder.NOOP, handle.nanoClock());
    scheduler = new Scheduler((ProfileHandler) create(SingleProfileHandler.DESCRIPTOR),
        Map.of("default", profile), MetricsRecorder.NOOP, handle.nanoClock());
    requests = new InferenceRequest[CONVERSATIONS];
    String system = text(random, SYSTEM_PROMPT_BYTES);
    for (int c = 0; c < CONVERSATIONS; c++) {
      requests[c] = chatRequest(c, system, text(random, USER_TURN_BYTES));
    }
    if (workload.equals("unique")) {
      uniqueText = text(random, USER_TURN_BYTES);
      int fill = PrefixCacheParameters.DEFAULT_LRU_CAPACITY_PER_SERVER / (USER_TURN_BYTES / 64) * endpoints;
      for (int i = 0; i < fill; i++) {
        decisionAndLearn();
      }
      return;
    }
    if (!workload.equals("shared")) {
      throw new IllegalArgumentException("workload must be shared or unique, got " + workload);
    }
    for (int i = 0; i < Math.max(2048, endpoints); i++) {
      decisionAndLearn();
    }
  }

  /** Stops the producer's background tasks. */
  @TearDown(Level.Trial)
  public void tearDown() {
    producer.close();
    handle.close();
  }

  /** One decision: fresh endpoint views as the director builds them, the prefix match, the scheduler. */
  @Benchmark
  public SchedulingResult decision() throws SchedulingException {
    return schedule(nextRequest());
  }

  /** One decision followed by the producer's {@code PreRequest} learning the chosen endpoint. */
  @Benchmark
  public SchedulingResult decisionAndLearn() throws SchedulingException {
    InferenceRequest request = nextRequest();
    SchedulingResult result = schedule(request);
    producer.preRequest(request, result);
    return result;
  }

  private InferenceRequest nextRequest() {
    if (uniqueText != null) {
      String user = String.format("%016d", uniqueCount++) + uniqueText;
      return chatRequest(0, "", user);
    }
    InferenceRequest request = requests[next];
    next = (next + 1) % CONVERSATIONS;
    return request;
  }

  private SchedulingResult schedule(InferenceRequest request) throws SchedulingException {
    List<Endpoint> candidates = new ArrayList<>(pool.size());
    for (EndpointSnapshot snapshot : pool) {
      candidates.add(new Endpoint(snapshot.metadata(), snapshot.metrics()));
    }
    producer.prepareRequestData(request, candidates);
    return scheduler.schedule(request, candidates);
  }

  private <P> Plugin create(PluginDescriptor<P> descriptor) {
    P parameters = PluginParameters.parse(TypedName.of(descriptor.type()), null, descriptor.parametersType());
    return descriptor.factory().create(descriptor.type(), parameters, handle);
  }

  private static InferenceRequest chatRequest(int conversation, String system, String user) {
    String messages = "[{\"role\":\"system\",\"content\":\"" + system + "\"},"
        + "{\"role\":\"user\",\"content\":\"" + user + "\"}]";
    byte[] prompt = messages.getBytes(StandardCharsets.UTF_8);
    byte[] raw = ("{\"model\":\"" + MODEL + "\",\"messages\":" + messages + "}").getBytes(StandardCharsets.UTF_8);
    RequestBody body = new RequestBody(ApiType.CHAT_COMPLETIONS, ByteSlice.of(raw), Optional.of(MODEL), false,
        Optional.empty(), ByteSlice.of(prompt));
    return InferenceRequest.builder("conversation-" + conversation, body).build();
  }

  private static String text(Random random, int bytes) {
    String[] words = {"the", "fleet", "serves", "adapters", "prompt", "cache", "token", "latency", "model", "pool"};
    StringBuilder out = new StringBuilder(bytes + 16);
    while (out.length() < bytes) {
      out.append(words[random.nextInt(words.length)]).append(' ');
    }
    out.setLength(bytes);
    return out.toString();
  }
}
