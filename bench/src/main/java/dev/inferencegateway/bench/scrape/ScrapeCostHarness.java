package dev.inferencegateway.bench.scrape;

import dev.inferencegateway.epp.datastore.DatastoreOptions;
import dev.inferencegateway.epp.datastore.PoolDatastore;
import dev.inferencegateway.epp.datastore.collector.CollectorOptions;
import dev.inferencegateway.epp.datastore.collector.CollectorStats;
import dev.inferencegateway.epp.datastore.collector.DataLayerSource;
import dev.inferencegateway.epp.datastore.collector.MetricsCollector;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.CoreMetricsExtractor;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.CoreMetricsExtractorParameters;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.DeprecatedMetricFlags;
import dev.inferencegateway.epp.datastore.plugins.metricssource.MetricsDataSource;
import dev.inferencegateway.epp.datastore.plugins.metricssource.ScrapeHttpClient;
import dev.inferencegateway.epp.datastore.plugins.metricssource.ScrapeSettings;
import dev.inferencegateway.epp.datastore.staticendpoints.StaticSource;
import dev.inferencegateway.epp.datastore.staticendpoints.StaticSourceOptions;
import dev.inferencegateway.epp.core.plugin.TypedName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Measures the CPU that metrics collection costs: {@code N} loopback endpoints serving the ~8 KB
 * vLLM exposition (in a separate JVM, {@link ExpositionServers}), scraped every {@code interval}
 * by the real collector ({@code metrics-data-source} + {@code core-metrics-extractor}, one
 * {@link PoolDatastore} over a static source). Goal: at most 0.5 core for 100 endpoints at 50 ms.
 *
 * <p>The figure is this JVM's process CPU time (all threads: loops, sockets, GC, JIT) over a
 * measured window after a warm-up, divided by the window's wall time; the serving JVM's CPU is
 * reported separately and not included.
 *
 * <p>Run: {@code mvn -B -ntp -o -pl bench -am -DskipTests -Prun
 * -Dexec.mainClass=dev.inferencegateway.bench.scrape.ScrapeCostHarness
 * -Dexec.args="--endpoints 100 --interval-ms 50 --warmup-s 10 --measure-s 30" package}.
 */
public final class ScrapeCostHarness {
  private ScrapeCostHarness() {}

  /** Runs the measurement and prints the figures. */
  public static void main(String[] args) throws Exception {
    HarnessArgs a = HarnessArgs.parse(args);
    Process servers = startServers(a.endpoints(), a.warmupSeconds() + a.measureSeconds() + 60);
    try {
      List<Integer> ports = readPorts(servers);
      String list = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
      try (ScrapeHttpClient http = new ScrapeHttpClient();
          PoolDatastore datastore = new PoolDatastore(new StaticSource(
              StaticSourceOptions.fromEndpointsFlag(list, "bench", "bench")), DatastoreOptions.defaults())) {
        datastore.start();
        MetricsDataSource source = new MetricsDataSource(TypedName.of(MetricsDataSource.TYPE), ScrapeSettings.DEFAULTS, http);
        CoreMetricsExtractor extractor = new CoreMetricsExtractor(TypedName.of(CoreMetricsExtractor.TYPE),
            new CoreMetricsExtractorParameters(null, null, null), DeprecatedMetricFlags.NONE);
        try (MetricsCollector collector = MetricsCollector.start(datastore,
            List.of(new DataLayerSource(source, List.of(extractor))),
            CollectorOptions.defaults().withRefreshInterval(Duration.ofMillis(a.intervalMs())))) {
          Thread.sleep(Duration.ofSeconds(a.warmupSeconds()));
          CpuSnapshot before = CpuSnapshot.take(servers);
          CollectorStats statsBefore = collector.stats();
          Thread.sleep(Duration.ofSeconds(a.measureSeconds()));
          CpuSnapshot after = CpuSnapshot.take(servers);
          CollectorStats statsAfter = collector.stats();
          report(a, before, after, statsBefore, statsAfter, datastore.freshEndpoints().size());
          System.out.printf("open connections: %d%n", http.connectionCount());
        }
      }
    } finally {
      servers.getOutputStream().close();
      servers.destroy();
    }
  }

  private static Process startServers(int count, long maxSeconds) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "-Xmx256m",
        "-cp", System.getProperty("java.class.path"),
        ExpositionServers.class.getName(), String.valueOf(count), String.valueOf(maxSeconds))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static List<Integer> readPorts(Process servers) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(servers.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.startsWith("PORTS ")) {
        return Arrays.stream(line.substring(6).split(",")).map(Integer::valueOf).toList();
      }
    }
    throw new IOException("the exposition servers exited before listening");
  }

  private static void report(HarnessArgs a, CpuSnapshot before, CpuSnapshot after, CollectorStats s0,
      CollectorStats s1, int fresh) {
    double wall = (after.wallNanos() - before.wallNanos()) / 1e9;
    double cores = (after.processCpuNanos() - before.processCpuNanos()) / 1e9 / wall;
    double gcShare = (after.gcMillis() - before.gcMillis()) / 1e3 / wall;
    double serverCores = (after.serverCpuNanos() - before.serverCpuNanos()) / 1e9 / wall;
    long polls = s1.polls() - s0.polls();
    long failures = s1.pollFailures() - s0.pollFailures();
    System.out.printf("endpoints=%d interval=%dms window=%.1fs%n", a.endpoints(), a.intervalMs(), wall);
    System.out.printf("polls/s=%.0f (ideal %.0f) pollFailures=%d extractionFailures=%d freshEndpoints=%d%n",
        polls / wall, a.endpoints() * 1000.0 / a.intervalMs(), failures, s1.extractionFailures() - s0.extractionFailures(),
        fresh);
    System.out.printf("collector CPU: %.3f cores (GC pauses %.3f of wall); CPU per poll: %.1f us%n",
        cores, gcShare, polls == 0 ? 0 : (after.processCpuNanos() - before.processCpuNanos()) / 1e3 / polls);
    System.out.printf("serving JVM (excluded): %.3f cores%n", serverCores);
    System.out.println(cores <= 0.5 ? "GOAL MET: <= 0.5 core" : "GOAL MISSED: > 0.5 core");
  }
}
