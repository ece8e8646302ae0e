package dev.inferencegateway.epp.datastore.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrometheusTextParserFuzzTest {
  private static final byte[] INTERESTING = "{}\"\\=, \t\n#\r+-.eE0123456789NaInf_:a\u00ff".getBytes(
      java.nio.charset.StandardCharsets.ISO_8859_1);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"vllm.prom", "sglang.prom", "vllm-dp-lora.prom", "triton-tensorrt-llm.prom"})
  void parse_randomlyMutatedExposition_onlyEverFailsWithAParseError(String exposition) throws Exception {
    byte[] original = Expositions.load(exposition);
    SplittableRandom random = new SplittableRandom(20260101L + exposition.hashCode());
    PrometheusTextParser parser = new PrometheusTextParser(4096);
    FamilySelection narrow = FamilySelection.of("vllm:num_requests_waiting", "vllm:lora_requests_info",
        "sglang:num_queue_reqs", "nv_trt_llm_request_metrics", "vllm:kv_cache_usage_perc");
    int parsed = 0;
    int rejected = 0;

    for (int round = 0; round < 800; round++) {
      byte[] mutated = mutate(original, random);
      for (FamilySelection selection : new FamilySelection[] {narrow, FamilySelection.all()}) {
        ExpositionFormat format = random.nextBoolean()
            ? ExpositionFormat.PROMETHEUS_TEXT : ExpositionFormat.OPEN_METRICS;
        try {
          parser.parse(mutated, selection, format);
          parser.parse(new ByteArrayInputStream(mutated), selection, format);
          parsed++;
        } catch (PrometheusParseException e) {
          assertThat(e.lineNumber()).isPositive();
          rejected++;
        }
      }
    }

    assertThat(parsed).isPositive();
    assertThat(rejected).isPositive();
  }

  private static byte[] mutate(byte[] original, SplittableRandom random) {
    byte[] data = original.clone();
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits && data.length > 0; i++) {
      int at = random.nextInt(data.length);
      switch (random.nextInt(5)) {
        case 0 -> data[at] = INTERESTING[random.nextInt(INTERESTING.length)];
        case 1 -> data[at] = (byte) random.nextInt(256);
        case 2 -> data = Arrays.copyOf(data, at);
        case 3 -> {
          byte[] grown = new byte[data.length + 1];
          System.arraycopy(data, 0, grown, 0, at);
          grown[at] = INTERESTING[random.nextInt(INTERESTING.length)];
          System.arraycopy(data, at, grown, at + 1, data.length - at);
          data = grown;
        }
        default -> {
          byte[] shrunk = new byte[data.length - 1];
          System.arraycopy(data, 0, shrunk, 0, at);
          System.arraycopy(data, at + 1, shrunk, at, data.length - at - 1);
          data = shrunk;
        }
      }
    }
    return data;
  }
}
