package dev.inferencegateway.bench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.bench.gateway.LoopbackBackend;
import dev.inferencegateway.epp.core.request.ApiType;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadRunnerTest {
  private static final String SSE = "data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\n"
      + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":7,\"total_tokens\":17}}\n\n"
      + "data: [DONE]\n\n";

  private static LoadPlan closed(int concurrency, long requests, Duration warmup) {
    return new LoadPlan(LoadPlan.Mode.CLOSED, concurrency, 0, null, requests, warmup, 1, 1000, Duration.ofSeconds(20));
  }

  private static Workload chat(int bytes) {
    return new FixedSizeWorkload(ApiType.CHAT_COMPLETIONS, bytes, ModelMix.single("food-review-1"), 16, true, 1);
  }

  @Test
  void closedLoop_againstTheEchoServer_countsEveryRequestAndTimesTheRequestPhase() throws Exception {
    try (EchoExtProcServer echo = EchoExtProcServer.start("127.0.0.1", 0);
         ExtProcTarget target = new ExtProcTarget(echo.address(), false, ApiType.CHAT_COMPLETIONS, Map.of(), 1, 16 * 1024, 512,
             null, Duration.ofSeconds(20))) {
      RunResult result = new LoadRunner(closed(8, 200, Duration.ZERO), chat(100 * 1024), target,
          ProgressListener.NONE).run();

      LoadStats stats = result.stats();
      assertThat(stats.completed()).isEqualTo(200);
      assertThat(stats.ok()).isEqualTo(200);
      assertThat(stats.outcomes()).isEqualTo(Map.of("200", 200L));
      assertThat(stats.eppTotal().getTotalCount()).isEqualTo(200);
      assertThat(stats.e2eTotal().getTotalCount()).isEqualTo(200);
      assertThat(stats.ttftTotal().getTotalCount()).isZero();
      assertThat(stats.eppTotal().getValueAtPercentile(50)).isPositive()
          .isLessThanOrEqualTo(stats.e2eTotal().getValueAtPercentile(50));
      assertThat(stats.e2eTotal().getValueAtPercentile(50))
          .isLessThanOrEqualTo(stats.e2eTotal().getValueAtPercentile(99))
          .isLessThanOrEqualTo(stats.e2eTotal().getMaxValue());
      assertThat(result.throughput()).isPositive();
      assertThat(result.unfinished()).isZero();
    }
  }

  @Test
  void openLoop_againstAnSseBackend_reportsTtftTokensAndStatuses() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (LoopbackBackend backend = LoopbackBackend.with(exchange -> {
      if (calls.incrementAndGet() % 4 == 0) {
        LoopbackBackend.send(exchange, 429, "text/plain", "inference error: ResourceExhausted - busy");
        return;
      }
      exchange.getResponseHeaders().set("content-type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(SSE.getBytes(StandardCharsets.UTF_8));
      }
    });
         HttpTarget target = new HttpTarget(URI.create("http://" + backend.address() + "/v1/chat/completions"),
             Map.of("x-gateway-inference-objective", "batch"), Duration.ofSeconds(20))) {
      LoadPlan plan = new LoadPlan(LoadPlan.Mode.OPEN, 0, 400, null, 120, Duration.ZERO, 3, 1000,
          Duration.ofSeconds(20));

      RunResult result = new LoadRunner(plan, chat(2048), target, ProgressListener.NONE).run();

      LoadStats stats = result.stats();
      assertThat(stats.completed()).isEqualTo(120);
      assertThat(stats.outcomes()).containsEntry("200", 90L).containsEntry("429", 30L);
      assertThat(stats.ok()).isEqualTo(90);
      assertThat(stats.ttftTotal().getTotalCount()).isEqualTo(90);
      assertThat(stats.ttftTotal().getValueAtPercentile(50)).isLessThanOrEqualTo(stats.e2eTotal().getMaxValue());
      assertThat(stats.outputTokens()).isEqualTo(90 * 7);
      assertThat(stats.eppTotal().getTotalCount()).isZero();
      assertThat(backend.received()).hasSize(120);
      assertThat(backend.received().getFirst().headers()).containsEntry("x-gateway-inference-objective", "batch");
      assertThat(backend.received().getFirst().body()).hasSize(2048);
    }
  }

  @Test
  void warmupRequests_areSentButNotRecorded() throws Exception {
    try (LoopbackBackend backend = LoopbackBackend.json();
         HttpTarget target = new HttpTarget(URI.create("http://" + backend.address() + "/v1/chat/completions"),
             Map.of(), Duration.ofSeconds(20))) {
      RunResult result = new LoadRunner(closed(2, 30, Duration.ofMillis(500)), chat(1024), target,
          ProgressListener.NONE).run();

      assertThat(result.stats().completed()).isEqualTo(30);
      assertThat(result.stats().warmupCompleted()).isPositive();
      assertThat(backend.received()).hasSize((int) (30 + result.stats().warmupCompleted()));
    }
  }

  @Test
  void mainWithCsv_writesPerSecondRowsAndTheSummary(@TempDir Path dir) throws Exception {
    try (EchoExtProcServer echo = EchoExtProcServer.start("127.0.0.1", 0)) {
      int exit = new picocli.CommandLine(new LoadGenMain()).execute("--url", "grpc://" + echo.address(),
          "--concurrency", "4", "--duration", "1500ms", "--body-size", "2KB", "--no-progress",
          "--model", "food-review-1=1,meta-llama/Llama-3.1-8B-Instruct=1", "--csv", dir.resolve("echo").toString());

      assertThat(exit).isZero();
      List<String> summary = Files.readAllLines(dir.resolve("echo-summary.csv"));
      assertThat(summary.getFirst()).isEqualTo("metric,value");
      long completed = Long.parseLong(summary.stream().filter(l -> l.startsWith("completed,")).findFirst()
          .orElseThrow().substring("completed,".length()));
      assertThat(completed).isPositive();
      assertThat(summary).anyMatch(l -> l.startsWith("epp_p99_ms,")).anyMatch(l -> l.equals("outcome_200," + completed));
      List<String> perSecond = Files.readAllLines(dir.resolve("echo-per-second.csv"));
      assertThat(perSecond.getFirst()).startsWith("second,completed,ok,failed");
      assertThat(perSecond).hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void badFlags_exitWith2() {
    assertThat(new picocli.CommandLine(new LoadGenMain()).execute("--url", "ftp://x", "--requests", "1"))
        .isEqualTo(2);
    assertThat(new picocli.CommandLine(new LoadGenMain()).execute("--url", "grpc://127.0.0.1:1", "--mode", "open"))
        .isEqualTo(2);
  }
}
