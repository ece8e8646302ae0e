package dev.inferencegateway.bench.jmh.metrics;

import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.datastore.collector.Extraction;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.CoreMetricsExtractor;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.CoreMetricsExtractorParameters;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.DeprecatedMetricFlags;
import dev.inferencegateway.epp.datastore.prometheus.ExpositionFormat;
import dev.inferencegateway.epp.datastore.prometheus.FamilySelection;
import dev.inferencegateway.epp.datastore.prometheus.MetricFamilies;
import dev.inferencegateway.epp.datastore.prometheus.PrometheusParseException;
import dev.inferencegateway.epp.datastore.prometheus.PrometheusTextParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of our Prometheus text parser on a realistic ~8 KB vLLM exposition (goal: at least
 * 200 MB/s on the scraper's path).
 *
 * <p>Run: {@code mvn -B -ntp -o -pl bench -am -DskipTests -Pjmh
 * -Djmh.args="PrometheusParserBenchmark -f 1 -wi 3 -i 5" package}. Read the {@code :bytes}
 * secondary result of each benchmark: it is parsed bytes per second (divide by 10^6 for MB/s).
 * After each iteration the bytes parsed per second of the benchmark thread's CPU time are printed
 * in brackets: on a machine shared with other work that is the figure to compare with the goal.
 * {@code selectedStream} is what a scrape does (stream input, only the families the
 * {@code core-metrics-extractor} reads); {@code selectedArray} skips the stream buffer;
 * {@code allFamilies} materialises everything (diagnostics only); {@code selectedAndExtracted}
 * adds the extraction of {@code ModelServerMetrics}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class PrometheusParserBenchmark {
  private final PrometheusTextParser parser = new PrometheusTextParser();
  private byte[] exposition;
  private FamilySelection selection;
  private CoreMetricsExtractor extractor;
  private EndpointMetadata endpoint;

  /**
   * Counts parsed bytes so JMH reports bytes per second next to operations per second, and prints
   * the bytes parsed per second of this thread's CPU time after each iteration (a figure that does
   * not depend on how much of a core the benchmark thread got on a shared machine).
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class ParsedBytes {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Bytes parsed. */
    public long bytes;
    private long cpuStart;

    /** Resets the counter for each iteration. */
    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
      cpuStart = THREADS.getCurrentThreadCpuTime();
    }

    /** Prints MB parsed per CPU-second of the benchmark thread. */
    @TearDown(Level.Iteration)
    public void printCpuThroughput() {
      long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
      System.out.printf(" [%.0f MB per CPU-second]", bytes / (cpu / 1e9) / 1e6);
    }
  }

  /** Loads the exposition and builds the default extractor's selection. */
  @Setup
  public void setUp() {
    exposition = VllmExposition.bytes();
    extractor = new CoreMetricsExtractor(TypedName.of(CoreMetricsExtractor.TYPE),
        new CoreMetricsExtractorParameters(null, null, null), DeprecatedMetricFlags.NONE);
    selection = FamilySelection.of(extractor.metricFamilies());
    endpoint = new EndpointMetadata("vllm-rank-0", "ns", "vllm", "10.0.0.1", 8000, "10.0.0.1:8000", Map.of());
  }

  /** Parses from a stream, selecting the extractor's families (the scrape path). */
  @Benchmark
  public MetricFamilies selectedStream(ParsedBytes counter) throws IOException, PrometheusParseException {
    counter.bytes += exposition.length;
    return parser.parse(new ByteArrayInputStream(exposition), selection, ExpositionFormat.PROMETHEUS_TEXT);
  }

  /** Parses from an array, selecting the extractor's families. */
  @Benchmark
  public MetricFamilies selectedArray(ParsedBytes counter) throws PrometheusParseException {
    counter.bytes += exposition.length;
    return parser.parse(exposition, selection, ExpositionFormat.PROMETHEUS_TEXT);
  }

  /** Parses from an array, materialising every family. */
  @Benchmark
  public MetricFamilies allFamilies(ParsedBytes counter) throws PrometheusParseException {
    counter.bytes += exposition.length;
    return parser.parse(exposition, FamilySelection.all(), ExpositionFormat.PROMETHEUS_TEXT);
  }

  /** Parses from a stream and extracts the endpoint metrics. */
  @Benchmark
  public Extraction selectedAndExtracted(ParsedBytes counter) throws IOException, PrometheusParseException {
    counter.bytes += exposition.length;
    MetricFamilies families = parser.parse(new ByteArrayInputStream(exposition), selection,
        ExpositionFormat.PROMETHEUS_TEXT);
    return extractor.extract(families, endpoint, ModelServerMetrics.EMPTY, Instant.EPOCH);
  }
}
