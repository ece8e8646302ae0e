package dev.inferencegateway.epp.datastore.staticendpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.core.datastore.PoolInfo;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.datastore.DatastoreOptions;
import dev.inferencegateway.epp.datastore.PoolDatastore;
import dev.inferencegateway.epp.datastore.TrackedEndpoint;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticSourceTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  private static List<String> names(PoolDatastore datastore) {
    return datastore.endpoints().stream().map(EndpointSnapshot::metadata)
        .map(m -> m.name() + "=" + m.hostPort() + "/" + m.metricsHost()).toList();
  }

  @Test
  void endpointsFlag_servesAFixedPool() throws Exception {
    StaticSourceOptions options = StaticSourceOptions.fromEndpointsFlag("10.0.0.1:8000, [::1]:8001,localhost:9000", null, "demo");
    try (PoolDatastore datastore = new PoolDatastore(new StaticSource(options), DatastoreOptions.defaults())) {
      datastore.start();

      assertThat(datastore.awaitSynced(WAIT)).isTrue();
      assertThat(datastore.pool()).contains(new PoolInfo("static", "demo", Map.of(), List.of(8000, 8001, 9000), "http"));
      assertThat(names(datastore)).containsExactly("10.0.0.1:8000=10.0.0.1:8000/10.0.0.1:8000",
          "[::1]:8001=[::1]:8001/[::1]:8001", "localhost:9000=localhost:9000/localhost:9000");
    }
  }

  @Test
  void endpointsFlag_rejectsBadEntries() {
    assertThatThrownBy(() -> StaticSourceOptions.fromEndpointsFlag("10.0.0.1", null, null))
        .hasMessage("--endpoints: \"10.0.0.1\" is not host:port");
    assertThatThrownBy(() -> StaticSourceOptions.fromEndpointsFlag("::1:8000", null, null))
        .hasMessage("--endpoints: \"::1:8000\" is not host:port");
    assertThatThrownBy(() -> StaticSourceOptions.fromEndpointsFlag("h:0", null, null))
        .hasMessage("--endpoints: \"h:0\" is not host:port");
    assertThatThrownBy(() -> StaticSourceOptions.fromEndpointsFlag("h:1,h:1", null, null))
        .hasMessage("--endpoints: h:1 is listed twice");
  }

  @Test
  void sampleFile_isValidAndDocumentsEveryField() throws Exception {
    Path file = dir.resolve("sample.yaml");
    try (InputStream in = StaticSourceOptions.class.getResourceAsStream(StaticSourceOptions.SAMPLE_RESOURCE)) {
      Files.write(file, in.readAllBytes());
    }
    try (PoolDatastore datastore = new PoolDatastore(new StaticSource(StaticSourceOptions.fromFile(file, "local", "dev")),
        DatastoreOptions.defaults())) {
      datastore.start();

      assertThat(names(datastore)).containsExactly("sglang-0=127.0.0.1:30000/127.0.0.1:30000",
          "vllm-0=127.0.0.1:8000/127.0.0.1:8000", "vllm-1=127.0.0.1:8001/127.0.0.1:8001");
      EndpointMetadata sglang = datastore.endpoint("sglang-0").orElseThrow().metadata();
      assertThat(sglang.labels()).containsEntry("inference.networking.k8s.io/engine-type", "sglang");
      assertThat(sglang.namespace()).isEqualTo("dev");
      assertThat(datastore.objective("batch-summaries")).contains(new Objective("batch-summaries", -1));
      assertThat(datastore.objective("food-review")).contains(new Objective("food-review", 1));
    }
  }

  @Test
  void objectives_areLoadedReloadedAndChecked() throws Exception {
    Path file = dir.resolve("objectives.yaml");
    Files.writeString(file, """
        endpoints:
          - {name: a, address: 10.0.0.1, port: 8000}
        objectives:
          - {name: batch, priority: -1}
          - {name: plain}
        """);
    StaticSourceOptions options = StaticSourceOptions.fromFile(file, null, null).withReloadInterval(Duration.ofMillis(20));
    try (PoolDatastore datastore = new PoolDatastore(new StaticSource(options), DatastoreOptions.defaults())) {
      datastore.start();
      assertThat(datastore.objective("batch")).contains(new Objective("batch", -1));
      assertThat(datastore.objective("plain")).contains(new Objective("plain", 0));
      assertThat(datastore.objective("other")).isEmpty();

      Files.writeString(file, """
          endpoints:
            - {name: a, address: 10.0.0.1, port: 8000}
          objectives:
            - {name: batch, priority: -1}
            - {name: batch, priority: 2}
          """);
      await().atMost(WAIT).untilAsserted(() -> assertThat(datastore.status().problems().get("endpoints file " + file))
          .isEqualTo("endpoints file " + file + ": objectives[1].name: objective 'batch' is listed twice;"
              + " keeping the previous endpoints"));
      assertThat(datastore.objective("plain")).isPresent();

      Files.writeString(file, """
          endpoints:
            - {name: a, address: 10.0.0.1, port: 8000}
          objectives:
            - {name: urgent, priority: 5}
          """);
      await().atMost(WAIT).until(() -> datastore.objective("urgent").isPresent());
      assertThat(datastore.objective("batch")).isEmpty();
      assertThat(datastore.status().problems()).isEmpty();
    }
  }

  @Test
  void objectiveWithoutName_stopsStartup() throws Exception {
    Path file = dir.resolve("nameless.yaml");
    Files.writeString(file, """
        endpoints: []
        objectives:
          - {priority: -1}
        """);

    assertThatThrownBy(() -> new PoolDatastore(new StaticSource(StaticSourceOptions.fromFile(file, null, null)),
        DatastoreOptions.defaults()).start())
        .hasMessage("endpoints file " + file + ": objectives[0].name is required");
  }

  @Test
  void file_isReloadedOnChangeAndABadEditKeepsThePreviousEndpoints() throws Exception {
    Path file = dir.resolve("endpoints.yaml");
    Files.writeString(file, """
        endpoints:
          - {name: a, address: 10.0.0.1, port: 8000, metricsPort: 9090, labels: {llm-d.ai/engine-type: sglang}}
          - {name: b, address: 10.0.0.2, port: 8000}
        """);
    StaticSourceOptions options = StaticSourceOptions.fromFile(file, null, null).withReloadInterval(Duration.ofMillis(20));
    try (PoolDatastore datastore = new PoolDatastore(new StaticSource(options), DatastoreOptions.defaults())) {
      datastore.start();
      assertThat(names(datastore)).containsExactly("a=10.0.0.1:8000/10.0.0.1:9090", "b=10.0.0.2:8000/10.0.0.2:8000");
      TrackedEndpoint a = datastore.endpoint("a").orElseThrow();

      Files.writeString(file, """
          endpoints:
            - {name: a, address: 10.0.0.1, port: 8000, metricsPort: 9090, labels: {llm-d.ai/engine-type: vllm}}
            - {name: c, address: 10.0.0.3, port: 8001}
          """);
      await().atMost(WAIT).until(() -> names(datastore).equals(
          List.of("a=10.0.0.1:8000/10.0.0.1:9090", "c=10.0.0.3:8001/10.0.0.3:8001")));
      assertThat(datastore.endpoint("a")).containsSame(a);
      assertThat(a.metadata().labels()).containsEntry("llm-d.ai/engine-type", "vllm");
      assertThat(datastore.pool().orElseThrow().targetPorts()).containsExactly(8000, 8001);

      Files.writeString(file, """
          endpoints:
            - {name: a, address: 10.0.0.1, prot: 8000}
          """);
      await().atMost(WAIT).untilAsserted(() -> assertThat(datastore.status().problems().get("endpoints file " + file))
          .isEqualTo("endpoints file " + file + ": endpoints[0].prot: unknown field (known: address, labels, "
              + "metricsPort, name, port) (line 2); keeping the previous endpoints"));
      assertThat(names(datastore)).hasSize(2);

      Files.writeString(file, "endpoints: []\n");
      await().atMost(WAIT).until(() -> datastore.endpoints().isEmpty());
      assertThat(datastore.status().problems()).isEmpty();
    }
  }

  @Test
  void unusableFileAtStart_stopsStartupNamingFileAndField() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, """
        endpoints:
          - {address: 10.0.0.1, port: 8000}
          - {address: "", port: 8000}
        """, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> new PoolDatastore(new StaticSource(StaticSourceOptions.fromFile(file, null, null)),
        DatastoreOptions.defaults()).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("endpoints file " + file + ": endpoints[1].address is required");
    assertThatThrownBy(() -> new PoolDatastore(new StaticSource(StaticSourceOptions.fromFile(dir.resolve("missing.yaml"),
        null, null)), DatastoreOptions.defaults()).start())
        .hasMessageStartingWith("endpoints file " + dir.resolve("missing.yaml") + ": cannot be read");
  }
}
