package dev.inferencegateway.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.bench.demo.DemoMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The demo's command line: what it prints, how it stops, and how it fails to start. */
@Timeout(90)
class DemoMainE2eTest {
  private static final Pattern PORT = Pattern.compile("IP=localhost; PORT=(\\d+)");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void demo_printsWhatRunsAndTheGuidesCurls_servesThem_andStopsCleanly() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    FutureTask<Integer> exit = new FutureTask<>(() -> run(stop, "--port=0"));
    Thread.ofPlatform().name("demo-main").start(exit);
    await().atMost(E2eStacks.READY).until(() -> output().contains("Ready: every EPP has fresh metrics") || exit.isDone());
    assertThat(output()).contains("scenario multi-lora (seed guides 000, 002)",
        "pool vllm-llama3-8b-instruct: meta-llama/Llama-3.1-8B-Instruct, adapters food-review-1, max-loras 2",
        "pool vllm-deepseek-r1: deepseek/vllm-deepseek-r1, adapters ski-resorts, movie-critique, max-loras 2",
        "vllm-deepseek-r1-2  http://127.0.0.1:", "Body-Based Router: ext_proc 127.0.0.1:", "(TLS, self-signed)",
        "base models: meta-llama/Llama-3.1-8B-Instruct <- food-review-1; deepseek/vllm-deepseek-r1 <- ski-resorts,"
            + " movie-critique",
        "objectives: food-review (priority 1), batch-summaries (priority -1)",
        "route llm-deepseek-route: /* with X-Gateway-Base-Model-Name = deepseek/vllm-deepseek-r1 -> pool"
            + " vllm-deepseek-r1",
        "curl -X POST -i ${IP}:${PORT}/v1/completions -H 'Content-Type: application/json' -d '{\"model\":"
            + "\"movie-critique\",\"prompt\":\"Tell me about movies\",\"max_tokens\":20,\"temperature\":0}'",
        "Ctrl-C stops everything.");
    Matcher port = PORT.matcher(output());
    assertThat(port.find()).isTrue();

    try (E2eHttp http = new E2eHttp()) {
      HttpResponse<String> response = http.post(URI.create("http://localhost:" + port.group(1)), "/v1/completions",
          E2eHttp.completion("movie-critique", "Tell me about movies", 20));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(E2eHttp.pod(response)).startsWith("vllm-deepseek-r1-");
    }
    stop.countDown();
    assertThat(exit.get()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("demo: ");
  }

  @Test
  void busyPort_failsWithAClearMessageAndStatus1() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("localhost"), 0));
      int status = run(new CountDownLatch(0), "--port=" + taken.getLocalPort());

      assertThat(status).isEqualTo(DemoMain.STARTUP_FAILED);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("demo: cannot start: the local gateway cannot listen on"
          + " localhost:" + taken.getLocalPort() + ": ").contains("--port picks another port");
      assertThat(output()).doesNotContain("Ctrl-C");
    }
  }

  @Test
  void unknownScenarioOrFleetPool_failsNamingTheProblem() {
    assertThat(run(new CountDownLatch(0), "--scenario=no-such")).isEqualTo(DemoMain.STARTUP_FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("demo: cannot start: scenario 'no-such' is neither a"
        + " built-in scenario (multi-lora, multi-model, model-names, qwen-deepseek) nor a file");

    err.reset();
    assertThat(run(new CountDownLatch(0), "--port=0", "--fleet=classpath:demo/fleets/model-names.yaml"))
        .isEqualTo(DemoMain.STARTUP_FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("demo: cannot start: route file"
        + " classpath:gateway/seed-routes.yaml: pool 'vllm-llama3-8b-instruct' has no simulated servers in the fleet"
        + " (fleet pools: deepseek-r1, gemma3)");
  }

  @Test
  void badOption_isAUsageError() {
    assertThat(run(new CountDownLatch(0), "--port=eighty")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Invalid value for option '--port'");
  }

  private int run(CountDownLatch stop, String... args) {
    return DemoMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), stop);
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }
}
