package dev.inferencegateway.bench.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.inferencegateway.bench.sim.EndpointsFiles;
import dev.inferencegateway.bench.sim.server.SimServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the files the demo's processors read: a pool's static endpoints file (its simulated
 * servers and its InferenceObjectives) for the EPP, and the base-model mapping file for BBR.
 */
final class PoolFiles {
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .build();

  private PoolFiles() {}

  /** Writes {@code <dir>/<pool>-endpoints.yaml} atomically and returns it. */
  static Path writeEndpoints(Path dir, String pool, List<SimServer> servers, List<ObjectiveSpec> objectives)
      throws IOException {
    ObjectNode root = (ObjectNode) YAML.readTree(EndpointsFiles.render(servers));
    if (!objectives.isEmpty()) {
      root.set("objectives", YAML.valueToTree(objectives));
    }
    return writeAtomically(EndpointsFiles.fileOf(dir, pool), YAML.writeValueAsString(root));
  }

  /** Writes BBR's static base-model mapping file {@code <dir>/base-models.yaml} and returns it. */
  static Path writeBaseModels(Path dir, JsonNode entries) throws IOException {
    return writeAtomically(dir.resolve("base-models.yaml"), YAML.writeValueAsString(entries));
  }

  private static Path writeAtomically(Path target, String content) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(temp, content);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }
}
