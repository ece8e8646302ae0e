package dev.inferencegateway.bench.loadgen;

import dev.inferencegateway.epp.core.plugin.GoDurations;
import dev.inferencegateway.epp.core.request.ApiType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The load generator's command line. */
@Command(name = "loadgen", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Offers load to an OpenAI endpoint over HTTP (the local gateway, a simulator) or to an EPP/BBR"
        + " directly over ext_proc, and reports TTFT, end-to-end and EPP-time percentiles, throughput and errors.",
        "Durations are Go durations (500ms, 30s, 2m); sizes are bytes with optional KB/MB (1 KB = 1024 B)."})
public final class LoadGenMain implements Callable<Integer> {
  @Option(names = "--url", required = true, paramLabel = "URL", description = {
      "http://host:port/v1/chat/completions (or /v1/completions): an OpenAI endpoint such as the local gateway;",
      "grpc://host:port: an EPP or BBR over ext_proc, plaintext; grpcs://host:port: the same over TLS, any"
          + " certificate trusted."})
  private URI url;

  @Option(names = "--mode", defaultValue = "closed", paramLabel = "closed|open",
      description = "closed: --concurrency workers back to back; open: Poisson arrivals at --rate (default: ${DEFAULT-VALUE}).")
  private String mode;

  @Option(names = "--concurrency", defaultValue = "1", description = "Closed-loop workers (default: ${DEFAULT-VALUE}).")
  private int concurrency;

  @Option(names = "--rate", defaultValue = "0", description = "Open-loop mean arrivals per second.")
  private double rate;

  @Option(names = "--max-in-flight", defaultValue = "10000",
      description = "Open loop: arrivals beyond this many requests in flight are dropped and counted (default: ${DEFAULT-VALUE}).")
  private int maxInFlight;

  @Option(names = "--duration", paramLabel = "DURATION", description = "Length of the measured phase (default 30s when --requests is not given).")
  private String duration;

  @Option(names = "--requests", defaultValue = "0", description = "Number of measured requests; the run stops at the first bound reached.")
  private long requests;

  @Option(names = "--warmup", defaultValue = "0s", paramLabel = "DURATION",
      description = "Warm-up before measuring; its requests are not recorded (default: ${DEFAULT-VALUE}).")
  private String warmup;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of arrivals, prompts and model choice (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--timeout", defaultValue = "60s", paramLabel = "DURATION", description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
  private String timeout;

  @Option(names = "--workload", defaultValue = "fixed", paramLabel = "fixed|shared-prefix",
      description = "fixed: --body-size bodies with unique prompts; shared-prefix: --groups x --prompts-per-group sharing"
          + " a system prompt per group (default: ${DEFAULT-VALUE}).")
  private String workload;

  @Option(names = "--api", paramLabel = "chat|completions", description = "Body shape (default: from the URL path, else chat).")
  private String api;

  @Option(names = "--body-size", defaultValue = "2KB", paramLabel = "SIZE", description = "fixed: body size (default: ${DEFAULT-VALUE}).")
  private String bodySize;

  @Option(names = "--groups", defaultValue = "8", description = "shared-prefix: groups (default: ${DEFAULT-VALUE}).")
  private int groups;

  @Option(names = "--prompts-per-group", defaultValue = "16", description = "shared-prefix: prompts per group (default: ${DEFAULT-VALUE}).")
  private int promptsPerGroup;

  @Option(names = "--system-prompt-size", defaultValue = "8KB", paramLabel = "SIZE",
      description = "shared-prefix: system prompt size (default: ${DEFAULT-VALUE}).")
  private String systemPromptSize;

  @Option(names = "--question-size", defaultValue = "256", paramLabel = "SIZE",
      description = "shared-prefix: question size (default: ${DEFAULT-VALUE}).")
  private String questionSize;

  @Option(names = "--model", split = ",", paramLabel = "NAME[=WEIGHT]",
      description = "Model names with weights, repeatable or comma-separated: the LoRA mix"
          + " (default: meta-llama/Llama-3.1-8B-Instruct).")
  private List<String> models = new ArrayList<>();

  @Option(names = "--stream", description = "Ask for SSE (stream, stream_options.include_usage); TTFT is reported for streamed responses.")
  private boolean stream;

  @Option(names = "--max-tokens", defaultValue = "16", description = "max_tokens in the body (default: ${DEFAULT-VALUE}).")
  private int maxTokens;

  @Option(names = "--header", paramLabel = "NAME:VALUE", description = "Extra request header, repeatable (e.g. x-gateway-inference-objective:batch).")
  private List<String> headers = new ArrayList<>();

  @Option(names = "--connections", defaultValue = "1", description = "ext_proc: gRPC connections (default: ${DEFAULT-VALUE}).")
  private int connections;

  @Option(names = "--chunk-size", defaultValue = "16KB", paramLabel = "SIZE",
      description = "ext_proc: request body chunk size (default: ${DEFAULT-VALUE}).")
  private String chunkSize;

  @Option(names = "--response-size", defaultValue = "512", paramLabel = "SIZE",
      description = "ext_proc: size of the response body played back (default: ${DEFAULT-VALUE}).")
  private String responseSize;

  @Option(names = "--subset-hint", split = ",", paramLabel = "IP:PORT",
      description = "ext_proc: endpoints sent as envoy.lb.subset_hint x-gateway-destination-endpoint-subset.")
  private List<String> subsetHint;

  @Option(names = "--csv", paramLabel = "PREFIX", description = "Write PREFIX-per-second.csv and PREFIX-summary.csv.")
  private Path csv;

  @Option(names = "--no-progress", description = "No progress line.")
  private boolean noProgress;

  @Option(names = "--versus", paramLabel = "URL", description = {
      "A second target measured against --url in the same run: each is warmed for --warmup, then both are measured",
      "in --windows alternating windows of --duration; the report gives the per-round and median ratios."})
  private URI versus;

  @Option(names = "--windows", defaultValue = "6", description = "--versus: measured windows per target (default: ${DEFAULT-VALUE}).")
  private int windows;

  @Option(names = "--settle", defaultValue = "3s", paramLabel = "DURATION",
      description = "--versus: unrecorded start of every window (default: ${DEFAULT-VALUE}).")
  private String settle;

  @Option(names = "--on-switch", paramLabel = "COMMAND", description = {
      "--versus: shell command run before each phase with the URL about to be loaded as $1 (e.g. to pause the",
      "other server); a non-zero exit stops the run."})
  private String onSwitch;

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadGenMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    LoadPlan plan;
    Workload load;
    Target target;
    try {
      plan = plan();
      load = workload();
      target = target();
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    if (versus != null) {
      return compare(plan, load, target);
    }
    try (target; CsvReport csvReport = csv == null ? null : new CsvReport(csv)) {
      ConsoleReport console = new ConsoleReport(noProgress ? null : System.err);
      ProgressListener listener = csvReport == null ? console : (second, interval, inFlight, stats) -> {
        console.onSecond(second, interval, inFlight, stats);
        csvReport.onSecond(second, interval, inFlight, stats);
      };
      System.err.println("loadgen: " + target.describe() + "; " + plan.describe());
      RunResult result = new LoadRunner(plan, load, target, listener).run();
      ConsoleReport.summary(System.out, target.describe(), plan.describe(), load.describe(), result);
      if (csvReport != null) {
        csvReport.summary(result);
      }
      return result.stats().ok() > 0 ? 0 : 1;
    }
  }

  private int compare(LoadPlan plan, Workload load, Target first) throws Exception {
    Target second;
    AlternatingComparison comparison;
    try {
      if (csv != null) {
        throw new IllegalArgumentException("--csv is not available with --versus (the report gives every window)");
      }
      second = target(versus);
      comparison = new AlternatingComparison(plan, GoDurations.parse(settle), windows, load, first, second,
          this::switchTo, window -> System.out.println(ConsoleReport.window(window, label(window.target()))));
    } catch (IllegalArgumentException e) {
      first.close();
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    try (first; second) {
      System.err.println("loadgen: A " + first.describe() + "; B " + second.describe() + "; " + plan.describe()
          + "; " + windows + " alternating windows each");
      AlternatingComparison.Outcome outcome = comparison.run();
      ConsoleReport.comparison(System.out, label(0), label(1), load.describe(), outcome);
      return outcome.throughput(0) > 0 && outcome.throughput(1) > 0 ? 0 : 1;
    }
  }

  private String label(int target) {
    return (target == 0 ? "A " : "B ") + address(target);
  }

  private URI address(int target) {
    return target == 0 ? url : versus;
  }

  private void switchTo(int target) throws Exception {
    if (onSwitch == null) {
      return;
    }
    Process p = new ProcessBuilder("/bin/sh", "-c", onSwitch, "on-switch", address(target).toString())
        .inheritIO().start();
    int status = p.waitFor();
    if (status != 0) {
      throw new IllegalStateException("--on-switch exited with " + status);
    }
  }

  private LoadPlan plan() {
    LoadPlan.Mode loadMode = switch (mode) {
      case "closed" -> LoadPlan.Mode.CLOSED;
      case "open" -> LoadPlan.Mode.OPEN;
      default -> throw new IllegalArgumentException("--mode must be closed or open, got '" + mode + "'");
    };
    Duration measured = duration != null ? GoDurations.parse(duration) : requests > 0 ? null : Duration.ofSeconds(30);
    return new LoadPlan(loadMode, concurrency, rate, measured, requests, GoDurations.parse(warmup), seed,
        maxInFlight, GoDurations.parse(timeout));
  }

  private Workload workload() {
    ApiType shape = shape();
    ModelMix mix = models.isEmpty() ? ModelMix.single("meta-llama/Llama-3.1-8B-Instruct") : ModelMix.parse(models);
    return switch (workload) {
      case "fixed" -> new FixedSizeWorkload(shape, Sizes.parse(bodySize), mix, maxTokens, stream, seed);
      case "shared-prefix" -> new SharedPrefixWorkload(shape, groups, promptsPerGroup, Sizes.parse(systemPromptSize),
          Sizes.parse(questionSize), mix, maxTokens, stream, seed);
      default -> throw new IllegalArgumentException("--workload must be fixed or shared-prefix, got '" + workload + "'");
    };
  }

  private ApiType shape() {
    return api == null ? PromptText.apiOf(url.getPath()) : switch (api) {
      case "chat" -> ApiType.CHAT_COMPLETIONS;
      case "completions" -> ApiType.COMPLETIONS;
      default -> throw new IllegalArgumentException("--api must be chat or completions, got '" + api + "'");
    };
  }

  private Target target() {
    return target(url);
  }

  private Target target(URI address) {
    Map<String, String> extra = new LinkedHashMap<>();
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("--header must be NAME:VALUE, got '" + header + "'");
      }
      extra.put(header.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), header.substring(colon + 1).trim());
    }
    Duration perRequest = GoDurations.parse(timeout);
    String scheme = address.getScheme() == null ? "" : address.getScheme();
    return switch (scheme) {
      case "http", "https" -> new HttpTarget(address, extra, perRequest);
      case "grpc", "grpcs" -> new ExtProcTarget(address.getHost() + ":" + address.getPort(), scheme.equals("grpcs"),
          shape(), extra, connections,
          Sizes.parse(chunkSize), Sizes.parse(responseSize), subsetHint, perRequest);
      default -> throw new IllegalArgumentException("--url must start with http://, grpc:// or grpcs://, got " + address);
    };
  }
}
