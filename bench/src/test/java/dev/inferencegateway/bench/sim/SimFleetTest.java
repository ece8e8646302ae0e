package dev.inferencegateway.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.inferencegateway.bench.sim.fleet.FleetFiles;
import dev.inferencegateway.bench.sim.server.SimServer;
import dev.inferencegateway.bench.sim.testing.SimHttp;
import dev.inferencegateway.bench.sim.testing.TestFleets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimFleetTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SimHttp http = new SimHttp();

  @Test
  void seedDemo_servesEveryModelNameOfTheSeedGuidesFromTheRightPool(@TempDir Path dir) throws Exception {
    try (SimFleet fleet = SimFleet.start(FleetFiles.load("classpath:fleets/seed-demo.yaml"))) {
      assertThat(fleet.servers()).hasSize(6);
      assertThat(fleet.servers()).extracting(SimServer::port).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isPositive());
      assertThat(fleet.serversFor("food-review-1")).extracting(SimServer::name)
          .containsExactly("vllm-llama3-8b-instruct-0", "vllm-llama3-8b-instruct-1", "vllm-llama3-8b-instruct-2");
      assertThat(fleet.serversFor("movie-critique")).isEqualTo(fleet.pool("vllm-deepseek-r1"));
      assertThat(fleet.serversFor("unknown")).isEmpty();
      assertThatThrownBy(() -> fleet.server("nope")).isInstanceOf(NoSuchElementException.class);

      Map<String, String> modelToPool = Map.of("meta-llama/Llama-3.1-8B-Instruct", "vllm-llama3-8b-instruct",
          "food-review-1", "vllm-llama3-8b-instruct", "deepseek/vllm-deepseek-r1", "vllm-deepseek-r1",
          "ski-resorts", "vllm-deepseek-r1", "movie-critique", "vllm-deepseek-r1");
      for (Map.Entry<String, String> entry : modelToPool.entrySet()) {
        SimServer server = fleet.pool(entry.getValue()).getLast();
        HttpResponse<String> response = http.post(server.baseUri(), "/v1/completions", """
            {"model": "%s", "prompt": "Tell me about movies", "max_tokens": 2, "temperature": 0}"""
            .formatted(entry.getKey()));
        assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("model").asText()).isEqualTo(entry.getKey());
      }

      Map<String, Path> files = EndpointsFiles.write(fleet, dir);

      assertThat(files).containsOnlyKeys("vllm-llama3-8b-instruct", "vllm-deepseek-r1");
      JsonNode endpoints = new YAMLMapper().readTree(files.get("vllm-deepseek-r1").toFile()).get("endpoints");
      assertThat(endpoints).hasSize(3);
      JsonNode first = endpoints.get(0);
      assertThat(first.get("name").asText()).isEqualTo("vllm-deepseek-r1-0");
      assertThat(first.get("address").asText()).isEqualTo("127.0.0.1");
      assertThat(first.get("port").asInt()).isEqualTo(fleet.server("vllm-deepseek-r1-0").port());
      assertThat(first.get("labels").get("app").asText()).isEqualTo("vllm-deepseek-r1");
    }
  }

  @Test
  void portInUse_failsNamingThePoolAndStopsWhatStarted() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      var spec = TestFleets.yaml("""
          pools:
            - {name: free, model: a}
            - {name: clash, model: b, base-port: %d}
          """.formatted(port));

      assertThatThrownBy(() -> SimFleet.start(spec)).hasMessageContaining("pool clash: cannot start clash-0 on 127.0.0.1:" + port);
    }
  }

  @Test
  void main_rejectsABadFleetFileWithExitCode1() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CommandLine cli = new CommandLine(new SimulatorMain(new PrintStream(out, true, StandardCharsets.UTF_8)));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = cli.execute("classpath:fleets/missing.yaml");
    } finally {
      System.setErr(originalErr);
    }

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("fleet file classpath:fleets/missing.yaml: no such classpath resource");
    assertThat(List.of(out.toString(StandardCharsets.UTF_8))).containsExactly("");
  }
}
