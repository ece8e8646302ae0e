package dev.inferencegateway.epp.datastore.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusTextParserTest {
  private final PrometheusTextParser parser = new PrometheusTextParser();

  private MetricFamilies parse(String text, FamilySelection selection) throws Exception {
    return parser.parse(text.getBytes(StandardCharsets.UTF_8), selection, ExpositionFormat.PROMETHEUS_TEXT);
  }

  private MetricFamily only(String text, String family) throws Exception {
    return parse(text, FamilySelection.of(family)).get(family).orElseThrow();
  }

  @Test
  void parse_vllmExposition_materialisesOnlySelectedFamilies() throws Exception {
    MetricFamilies families = parser.parse(Expositions.load("vllm.prom"),
        FamilySelection.of("vllm:num_requests_waiting", "vllm:lora_requests_info", "vllm:absent"),
        ExpositionFormat.PROMETHEUS_TEXT);

    assertThat(families.names()).containsExactly("vllm:num_requests_waiting", "vllm:lora_requests_info");
    MetricFamily waiting = families.get("vllm:num_requests_waiting").orElseThrow();
    assertThat(waiting.type()).isEqualTo(MetricType.GAUGE);
    assertThat(waiting.help()).isEqualTo("Number of requests waiting to be processed.");
    assertThat(waiting.samples()).singleElement().satisfies(s -> {
      assertThat(s.value()).isEqualTo(3.0);
      assertThat(s.labels().asMap()).containsEntry("engine", "0")
          .containsEntry("model_name", "meta-llama/Llama-3.1-8B-Instruct");
      assertThat(s.hasTimestamp()).isFalse();
    });
    assertThat(families.get("vllm:lora_requests_info").orElseThrow().samples()).hasSize(2)
        .extracting(Sample::value).containsExactly(1.7398e9, 1.7398001e9);
  }

  @Test
  void parse_aRangeOfAnArray_readsOnlyThatRange() throws Exception {
    byte[] framed = ("garbage{\n# TYPE up gauge\nup 1\nup{job=\"x\"} 0\n!!!").getBytes(StandardCharsets.UTF_8);
    int from = "garbage{\n".length();
    int length = framed.length - from - "!!!".length();

    MetricFamily up = parser.parse(framed, from, length, FamilySelection.all(), ExpositionFormat.PROMETHEUS_TEXT)
        .get("up").orElseThrow();

    assertThat(up.samples()).extracting(Sample::value).containsExactly(1.0, 0.0);
    assertThatThrownBy(() -> parser.parse(framed, from, framed.length, FamilySelection.all(),
        ExpositionFormat.PROMETHEUS_TEXT)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void parse_histogram_groupsBucketsSumAndCountUnderTheFamily() throws Exception {
    MetricFamily ttft = parser.parse(Expositions.load("vllm.prom"),
        FamilySelection.of("vllm:time_to_first_token_seconds"), ExpositionFormat.PROMETHEUS_TEXT)
        .get("vllm:time_to_first_token_seconds").orElseThrow();

    assertThat(ttft.type()).isEqualTo(MetricType.HISTOGRAM);
    assertThat(ttft.samples()).hasSize(19);
    assertThat(ttft.samples().get(16).labels().valueOrNull("le")).isEqualTo("+Inf");
    assertThat(ttft.samples()).extracting(Sample::name).contains(
        "vllm:time_to_first_token_seconds_bucket", "vllm:time_to_first_token_seconds_count",
        "vllm:time_to_first_token_seconds_sum");
  }

  @Test
  void parse_summary_keepsQuantilesSumAndCount() throws Exception {
    MetricFamily summary = only("""
        # TYPE rpc_duration_seconds summary
        rpc_duration_seconds{quantile="0.5"} 0.05
        rpc_duration_seconds{quantile="0.99"} 0.2
        rpc_duration_seconds_sum 17.5
        rpc_duration_seconds_count 240
        other 1
        """, "rpc_duration_seconds");

    assertThat(summary.type()).isEqualTo(MetricType.SUMMARY);
    assertThat(summary.samples()).extracting(Sample::value).containsExactly(0.05, 0.2, 17.5, 240.0);
  }

  @Test
  void parse_escapedLabelValuesAndHelp_areDecoded() throws Exception {
    MetricFamily family = only("""
        # HELP msdos_file_access_time_seconds Help with \\\\ backslash and \\n newline.
        # TYPE msdos_file_access_time_seconds gauge
        msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
        """, "msdos_file_access_time_seconds");

    assertThat(family.help()).isEqualTo("Help with \\ backslash and \n newline.");
    Sample sample = family.samples().get(0);
    assertThat(sample.labels().valueOrNull("path")).isEqualTo("C:\\DIR\\FILE.TXT");
    assertThat(sample.labels().valueOrNull("error")).isEqualTo("Cannot find file:\n\"FILE.TXT\"");
    assertThat(sample.value()).isEqualTo(1.458255915e9);
  }

  @Test
  void parse_specialValuesAndTimestamps() throws Exception {
    MetricFamily family = only("""
        x{k="a"} NaN
        x{k="b"} +Inf 1395066363000
        x{k="c"} -Inf -5
        x{k="d"} inf
        x{k="e"} -1.5e-3\t123
        x{k="f"} 12345678901234567890.5
        """, "x");

    List<Sample> s = family.samples();
    assertThat(s.get(0).value()).isNaN();
    assertThat(s.get(1).value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(s.get(1).timestampMs()).isEqualTo(1395066363000L);
    assertThat(s.get(2).value()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(s.get(2).timestampMs()).isEqualTo(-5);
    assertThat(s.get(3).value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(s.get(4).value()).isEqualTo(-0.0015);
    assertThat(s.get(4).timestampMs()).isEqualTo(123);
    assertThat(s.get(5).value()).isEqualTo(12345678901234567890.5);
    assertThat(family.type()).isEqualTo(MetricType.UNTYPED);
  }

  @Test
  void parse_looseButValidSyntax_isAccepted() throws Exception {
    MetricFamily family = only("\r\n"
        + "   # a plain comment\r\n"
        + "\n"
        + "  y { a = \"1\" , b=\"2\", } 1\r\n"
        + "y{} 2\n"
        + "y{a=\"3\"}3\n"
        + "y 4", "y");

    assertThat(family.samples()).extracting(Sample::value).containsExactly(1.0, 2.0, 3.0, 4.0);
    assertThat(family.samples().get(0).labels().asMap()).containsExactly(
        java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"));
  }

  @Test
  void parse_quotedUtf8Names_areSupported() throws Exception {
    MetricFamilies families = parse("""
        # HELP "my.metric" A dotted name.
        # TYPE "my.metric" gauge
        {"my.metric", "label.with.dots"="v", plain="p"} 7
        """, FamilySelection.of("my.metric"));

    MetricFamily family = families.get("my.metric").orElseThrow();
    assertThat(family.type()).isEqualTo(MetricType.GAUGE);
    assertThat(family.samples().get(0).name()).isEqualTo("my.metric");
    assertThat(family.samples().get(0).labels().valueOrNull("label.with.dots")).isEqualTo("v");
  }

  @Test
  void parse_openMetrics_skipsExemplarsReadsSecondsAndStopsAtEof() throws Exception {
    String text = """
        # TYPE requests counter
        # UNIT requests requests
        # HELP requests Requests served.
        requests_total{path="/"} 10 1700000000.25 # {trace_id="abc"} 1.0 1700000000.1
        requests_created{path="/"} 1699999999
        # TYPE latency histogram
        latency_bucket{le="0.1"} 3 # {trace_id="x"} 0.05
        latency_bucket{le="+Inf"} 4
        latency_count 4
        latency_sum 0.4
        # EOF
        this line is after EOF and is never read
        """;
    MetricFamilies families = parser.parse(text.getBytes(StandardCharsets.UTF_8),
        FamilySelection.of("requests", "latency"), ExpositionFormat.OPEN_METRICS);

    MetricFamily requests = families.get("requests").orElseThrow();
    assertThat(requests.type()).isEqualTo(MetricType.COUNTER);
    assertThat(requests.samples()).extracting(Sample::name).containsExactly("requests_total", "requests_created");
    assertThat(requests.samples().get(0).timestampMs()).isEqualTo(1700000000250L);
    assertThat(families.get("latency").orElseThrow().samples()).hasSize(4);
  }

  @Test
  void parse_selectAll_materialisesEveryFamilyWithItsType() throws Exception {
    MetricFamilies families = parser.parse(Expositions.load("triton-tensorrt-llm.prom"),
        FamilySelection.all(), ExpositionFormat.PROMETHEUS_TEXT);

    assertThat(families.names()).containsExactly("nv_inference_request_success",
        "nv_inference_pending_request_count", "nv_trt_llm_request_metrics",
        "nv_trt_llm_runtime_memory_metrics", "nv_trt_llm_kv_cache_block_metrics",
        "nv_inference_first_response_histogram_ms");
    assertThat(families.get("nv_inference_first_response_histogram_ms").orElseThrow().type())
        .isEqualTo(MetricType.HISTOGRAM);
  }

  @Test
  void parse_streamReadInTinyChunks_equalsInMemoryParse() throws Exception {
    byte[] data = Expositions.load("vllm.prom");
    MetricFamilies expected = parser.parse(data, FamilySelection.all(), ExpositionFormat.PROMETHEUS_TEXT);

    MetricFamilies streamed = new PrometheusTextParser().parse(new TrickleInputStream(data),
        FamilySelection.all(), ExpositionFormat.PROMETHEUS_TEXT);

    assertThat(streamed.names()).isEqualTo(expected.names());
    for (String name : expected.names()) {
      assertThat(streamed.get(name)).isEqualTo(expected.get(name));
    }
  }

  @Test
  void parse_lineLongerThanTheLimit_isRejectedWithItsLineNumber() {
    String text = "a 1\nb{v=\"" + "x".repeat(500) + "\"} 2\n";

    assertThatThrownBy(() -> new PrometheusTextParser(128).parse(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), FamilySelection.of("a"),
        ExpositionFormat.PROMETHEUS_TEXT))
        .isInstanceOf(PrometheusParseException.class)
        .hasMessageStartingWith("line 2: line longer than 128 bytes");
  }

  /** Returns between 1 and 7 bytes per read, to exercise line reassembly across reads. */
  private static final class TrickleInputStream extends InputStream {
    private final byte[] data;
    private int position;

    TrickleInputStream(byte[] data) {
      this.data = data;
    }

    @Override
    public int read() {
      return position < data.length ? data[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 1 + position % 7), data.length - position);
      System.arraycopy(data, position, b, off, n);
      position += n;
      return n;
    }
  }
}
