package dev.inferencegateway.bench.sim.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.bench.sim.engine.EngineConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetFilesTest {

  @Test
  void seedDemo_describesTheSeedGuidesTwoPools() {
    FleetSpec spec = FleetFiles.load("classpath:fleets/seed-demo.yaml");

    assertThat(spec.host()).isEqualTo("127.0.0.1");
    assertThat(spec.pools()).extracting(PoolSpec::name).containsExactly("vllm-llama3-8b-instruct", "vllm-deepseek-r1");
    PoolSpec llama = spec.pool("vllm-llama3-8b-instruct");
    assertThat(llama.model()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(llama.adapters()).containsExactly("food-review-1");
    assertThat(llama.labels()).isEqualTo(Map.of("app", "vllm-llama3-8b-instruct"));
    PoolSpec deepseek = spec.pool("vllm-deepseek-r1");
    assertThat(deepseek.model()).isEqualTo("deepseek/vllm-deepseek-r1");
    assertThat(deepseek.adapters()).containsExactly("ski-resorts", "movie-critique");
    for (PoolSpec pool : spec.pools()) {
      assertThat(pool.replicas()).isEqualTo(3);
      assertThat(pool.maxLoras()).isEqualTo(2);
      assertThat(pool.basePort()).isZero();
    }
    EngineConfig engine = llama.engineConfig();
    assertThat(engine.latency().prefillTimePerToken()).isEqualTo(Duration.ofNanos(250_000));
    assertThat(engine.latency().interTokenLatency()).isEqualTo(Duration.ofMillis(12));
  }

  @Test
  void minimalPool_takesTheDocumentedDefaults() {
    PoolSpec pool = parse("""
        pools:
          - name: chatbot
            model: gemma-3
        """).pools().getFirst();

    assertThat(pool.namespace()).isEqualTo("default");
    assertThat(pool.adapters()).isEmpty();
    assertThat(pool.replicas()).isEqualTo(1);
    assertThat(pool.labels()).isEqualTo(Map.of("app", "chatbot"));
    assertThat(pool.engineConfig()).isEqualTo(new EngineConfig(16, 1000, 1, 16, 2048,
        dev.inferencegateway.bench.sim.engine.LatencyProfile.LLAMA_8B_H100));
    assertThat(pool.maxModelLen()).isEqualTo(4096);
    assertThat(pool.defaultMaxTokens()).isEqualTo(256);
    assertThat(pool.seed()).isEqualTo(1L);
    assertThat(pool.podName(2)).isEqualTo("chatbot-2");
  }

  @Test
  void fixedBasePort_givesConsecutivePorts() {
    PoolSpec pool = parse("""
        pools:
          - {name: a, model: m, replicas: 3, base-port: 18000}
        """).pools().getFirst();

    assertThat(List.of(pool.port(0), pool.port(1), pool.port(2))).containsExactly(18000, 18001, 18002);
  }

  @Test
  void errors_nameTheFileTheFieldAndTheReason() {
    assertError("""
        pools:
          - name: a
            model: m
            max-loras: 2
            maxloras: 3
        """, "fleet file test.yaml: pools[0].maxloras: unknown key (known: adapters, base-port, ");
    assertError("""
        pools:
          - name: a
            model: m
            latency: {inter-token-latency: fast}
        """, "pools[0].latency.inter-token-latency (line 4): invalid value 'fast'");
    assertError("""
        pools:
          - name: a
            model: m
            max-num-seqs: 0
        """, "pools[0]: 'max-num-seqs' must be >= 1, got 0");
    assertError("""
        pools:
          - name: a
            model: m
            kv-cache: {block-size: 12}
        """, "pools[0].kv-cache: 'block-size' must be one of 8, 16, 32, 64, 128, got 12");
    assertError("""
        pools:
          - {name: a, model: m, adapters: [x]}
          - {name: b, model: n, adapters: [x]}
        """, "model name x is served by both a and b");
    assertError("""
        pools:
          - {name: a, model: m, base-port: 9000, replicas: 2}
          - {name: b, model: n, base-port: 9001}
        """, "pool b reuses port 9001");
    assertError("pools: []\n", "'pools' must list at least one pool");
    assertError("pools:\n  - name: Bad_Name\n    model: m\n", "'name' must be a DNS label");
    assertError("pools: [\n", "invalid YAML");
  }

  @Test
  void loadFromPath_andMissingFiles(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("fleet.yaml");
    Files.writeString(file, "pools: [{name: a, model: m}]\n");

    assertThat(FleetFiles.load(file.toString()).pools()).hasSize(1);
    assertThatThrownBy(() -> FleetFiles.load(dir.resolve("missing.yaml"))).isInstanceOf(FleetFileException.class)
        .hasMessageContaining("missing.yaml: cannot read");
    assertThatThrownBy(() -> FleetFiles.load("classpath:fleets/nope.yaml")).isInstanceOf(FleetFileException.class)
        .hasMessage("fleet file classpath:fleets/nope.yaml: no such classpath resource");
  }

  private static FleetSpec parse(String yaml) {
    return FleetFiles.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertError(String yaml, String expected) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(FleetFileException.class).hasMessageContaining(expected);
  }
}
