package dev.inferencegateway.bench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inferencegateway.epp.core.request.ApiType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class WorkloadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void fixedSize_bodiesHaveExactlyTheSize_areValidJson_andRepeatWithTheSeed() throws Exception {
    ModelMix mix = ModelMix.single("food-review-1");
    for (int size : new int[] {2048, 220 * 1024}) {
      FixedSizeWorkload first = new FixedSizeWorkload(ApiType.CHAT_COMPLETIONS, size, mix, 16, true, 5);
      FixedSizeWorkload again = new FixedSizeWorkload(ApiType.CHAT_COMPLETIONS, size, mix, 16, true, 5);
      for (int i = 0; i < 3; i++) {
        RequestSpec spec = first.next(i);
        assertThat(spec.body()).hasSize(size).isEqualTo(again.next(i).body());
        JsonNode body = JSON.readTree(spec.body());
        assertThat(body.path("model").asText()).isEqualTo("food-review-1");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(body.path("messages").get(0).path("content").asText()).startsWith("request " + i + ": ");
      }
    }
    RequestSpec completion = new FixedSizeWorkload(ApiType.COMPLETIONS, 4096, mix, 8, false, 1).next(0);
    assertThat(completion.body()).hasSize(4096);
    assertThat(JSON.readTree(completion.body()).path("prompt").asText()).isNotEmpty();
  }

  @Test
  void aRequestDependsOnlyOnTheSeedAndItsSequence_soThreadsMayBuildThemInAnyOrder() throws Exception {
    ModelMix mix = ModelMix.parse(List.of("a=1", "b=1"));
    List<Workload> pairs = List.of(
        new FixedSizeWorkload(ApiType.CHAT_COMPLETIONS, 4096, mix, 16, false, 7),
        new FixedSizeWorkload(ApiType.CHAT_COMPLETIONS, 4096, mix, 16, false, 7),
        new SharedPrefixWorkload(ApiType.CHAT_COMPLETIONS, 4, 4, 1024, 64, mix, 16, false, 7),
        new SharedPrefixWorkload(ApiType.CHAT_COMPLETIONS, 4, 4, 1024, 64, mix, 16, false, 7));
    for (int w = 0; w < pairs.size(); w += 2) {
      Workload forward = pairs.get(w);
      Workload parallel = pairs.get(w + 1);
      Map<Long, byte[]> built = new ConcurrentHashMap<>();
      LongStream.range(0, 200).parallel().forEach(i -> built.put(i, parallel.next(i).body()));
      Set<String> distinct = new HashSet<>();
      for (long i = 0; i < 200; i++) {
        byte[] body = forward.next(i).body();
        assertThat(built.get(i)).isEqualTo(body);
        distinct.add(new String(body, StandardCharsets.UTF_8));
      }
      assertThat(distinct).hasSizeGreaterThan(w == 0 ? 199 : 8);
    }
  }

  @Test
  void sharedPrefix_promptsOfAGroupShareTheSystemPrompt() throws Exception {
    SharedPrefixWorkload workload = new SharedPrefixWorkload(ApiType.CHAT_COMPLETIONS, 3, 4, 4096, 64, ModelMix.single("m"), 16,
        false, 9);
    Map<String, Set<String>> questionsBySystem = new HashMap<>();

    for (int i = 0; i < 300; i++) {
      JsonNode messages = JSON.readTree(workload.next(i).body()).path("messages");
      assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
      String system = messages.get(0).path("content").asText();
      assertThat(system.length()).isGreaterThanOrEqualTo(4096);
      questionsBySystem.computeIfAbsent(system, k -> new HashSet<>()).add(messages.get(1).path("content").asText());
    }

    assertThat(questionsBySystem).hasSize(3);
    assertThat(questionsBySystem.values()).allSatisfy(questions -> assertThat(questions).hasSize(4));
  }

  @Test
  void modelMix_drawsByWeight() {
    ModelMix mix = ModelMix.parse(List.of("food-review-1=3", "meta-llama/Llama-3.1-8B-Instruct"));
    SplittableRandom random = new SplittableRandom(3);
    Map<String, Integer> counts = new HashMap<>();

    for (int i = 0; i < 8_000; i++) {
      counts.merge(mix.pick(random), 1, Integer::sum);
    }

    assertThat(counts.get("food-review-1")).isBetween(5_700, 6_300);
    assertThat(counts.get("meta-llama/Llama-3.1-8B-Instruct")).isBetween(1_700, 2_300);
    assertThat(mix.toString()).contains("food-review-1 75%");
    assertThatThrownBy(() -> ModelMix.parse(List.of("a=0"))).hasMessageContaining("invalid model entry 'a=0'");
  }

  @Test
  void apiFollowsTheUrlPath() {
    assertThat(PromptText.apiOf("/v1/completions")).isEqualTo(ApiType.COMPLETIONS);
    assertThat(PromptText.apiOf("/v1/chat/completions")).isEqualTo(ApiType.CHAT_COMPLETIONS);
    assertThat(PromptText.apiOf("")).isEqualTo(ApiType.CHAT_COMPLETIONS);
    assertThat(PromptText.path(ApiType.COMPLETIONS)).isEqualTo("/v1/completions");
    assertThatThrownBy(() -> PromptText.body(ApiType.EMBEDDINGS, "m", null, "x", 1, false))
        .hasMessageContaining("only chat and completions");
  }

  @Test
  void sizes_parseBytesKilobytesAndMegabytes() {
    assertThat(Sizes.parse("512")).isEqualTo(512);
    assertThat(Sizes.parse("2KB")).isEqualTo(2048);
    assertThat(Sizes.parse("220kb")).isEqualTo(225_280);
    assertThat(Sizes.parse("1MiB")).isEqualTo(1_048_576);
    assertThatThrownBy(() -> Sizes.parse("lots")).hasMessageContaining("invalid size 'lots'");
  }
}
