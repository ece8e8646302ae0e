package dev.inferencegateway.bench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.epp.core.request.ApiType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AlternatingComparisonTest {
  private static final LoadPlan PLAN = new LoadPlan(LoadPlan.Mode.CLOSED, 4, 0, Duration.ofMillis(400), 0,
      Duration.ofMillis(200), 1, 100, Duration.ofSeconds(20));

  @Test
  void alternatesTheTargets_switchesBeforeEveryPhase_andNeverRepeatsARequest() throws Exception {
    Set<Long> sequences = ConcurrentHashMap.newKeySet();
    List<Long> repeats = new CopyOnWriteArrayList<>();
    Workload chat = new FixedSizeWorkload(ApiType.CHAT_COMPLETIONS, 1024, ModelMix.single("m"), 16, false, 1);
    Workload recording = new Workload() {
      @Override
      public RequestSpec next(long sequence) {
        if (!sequences.add(sequence)) {
          repeats.add(sequence);
        }
        return chat.next(sequence);
      }

      @Override
      public String describe() {
        return chat.describe();
      }
    };
    List<Integer> switches = new ArrayList<>();
    List<AlternatingComparison.Window> reported = new ArrayList<>();
    try (EchoExtProcServer a = EchoExtProcServer.start("127.0.0.1", 0);
         EchoExtProcServer b = EchoExtProcServer.start("127.0.0.1", 0);
         ExtProcTarget first = target(a);
         ExtProcTarget second = target(b)) {
      AlternatingComparison.Outcome outcome = new AlternatingComparison(PLAN, Duration.ofMillis(100), 3, recording,
          first, second, switches::add, reported::add).run();

      assertThat(switches).containsExactly(0, 1, 0, 1, 1, 0, 0, 1);
      assertThat(outcome.windows()).extracting(AlternatingComparison.Window::target).containsExactly(0, 1, 1, 0, 0, 1);
      assertThat(outcome.windows()).extracting(AlternatingComparison.Window::round).containsExactly(1, 1, 2, 2, 3, 3);
      assertThat(reported).isEqualTo(outcome.windows());
      assertThat(outcome.windows()).allSatisfy(w -> {
        assertThat(w.result().stats().ok()).isPositive().isEqualTo(w.result().stats().completed());
        assertThat(w.result().throughput()).isPositive();
      });
      assertThat(outcome.throughputRatios()).hasSize(3);
      assertThat(outcome.p99Ratios()).hasSize(3);
      for (int round = 0; round < 3; round++) {
        assertThat(outcome.throughputRatios()[round]).isPositive();
        assertThat(outcome.p99Ratios()[round]).isPositive();
      }
      assertThat(outcome.medianThroughputRatio()).isPositive();
      assertThat(outcome.e2e(0).getTotalCount() + outcome.e2e(1).getTotalCount())
          .isEqualTo(outcome.windows().stream().mapToLong(w -> w.result().stats().ok()).sum());
      assertThat(outcome.throughput(0)).isPositive();
      assertThat(repeats).isEmpty();
    }
  }

  @Test
  void main_withVersus_printsEveryWindowAndTheMedianRatios_andRefusesCsv(@TempDir Path dir) throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (EchoExtProcServer a = EchoExtProcServer.start("127.0.0.1", 0);
         EchoExtProcServer b = EchoExtProcServer.start("127.0.0.1", 0)) {
      String[] args = {"--url", "grpc://" + a.address(), "--versus", "grpc://" + b.address(), "--concurrency", "2",
          "--duration", "300ms", "--warmup", "200ms", "--settle", "100ms", "--windows", "2", "--body-size", "1KB"};
      int exit;
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        exit = new CommandLine(new LoadGenMain()).execute(args);
      } finally {
        System.setOut(stdout);
      }
      String report = captured.toString(StandardCharsets.UTF_8);
      assertThat(exit).isZero();
      assertThat(report.lines().filter(l -> l.startsWith("window "))).hasSize(4);
      assertThat(report).contains("ratio A/B throughput median", "ratio A/B e2e p99 median", "A e2e", "B e2e");

      String[] withCsv = Arrays.copyOf(args, args.length + 2);
      withCsv[args.length] = "--csv";
      withCsv[args.length + 1] = dir.resolve("x").toString();
      assertThat(new CommandLine(new LoadGenMain()).execute(withCsv)).isEqualTo(2);
      assertThat(dir).isEmptyDirectory();
    }
  }

  @Test
  void median_ofOddAndEvenCounts() {
    assertThat(AlternatingComparison.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(AlternatingComparison.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void rejectsAPlanWithoutAWindowLengthOrWindows() {
    LoadPlan byCount = new LoadPlan(LoadPlan.Mode.CLOSED, 1, 0, null, 10, Duration.ZERO, 1, 1, Duration.ofSeconds(1));
    assertThatThrownBy(() -> new AlternatingComparison(byCount, Duration.ZERO, 2, null, null, null, t -> { }, w -> { }))
        .hasMessageContaining("--duration");
    assertThatThrownBy(() -> new AlternatingComparison(PLAN, Duration.ZERO, 0, null, null, null, t -> { }, w -> { }))
        .hasMessageContaining("--windows must be >= 1, got 0");
  }

  private static ExtProcTarget target(EchoExtProcServer server) {
    return new ExtProcTarget(server.address(), false, ApiType.CHAT_COMPLETIONS, Map.of(), 1, 16 * 1024, 512, null,
        Duration.ofSeconds(20));
  }
}
