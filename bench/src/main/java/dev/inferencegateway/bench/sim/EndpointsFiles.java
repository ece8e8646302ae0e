package dev.inferencegateway.bench.sim;

import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.inferencegateway.bench.sim.server.SimServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes, per pool of a running fleet, the endpoints file that the EPP's static endpoint source
 * reads instead of watching pods ({@code dev.inferencegateway.epp.datastore.staticendpoints}):
 * {@code <dir>/<pool>-endpoints.yaml} holding {@code endpoints: [{name, address, port, labels}]}
 * (metrics are scraped on the serving port). Files are replaced atomically, so a watching EPP
 * never reads a partial file.
 */
public final class EndpointsFiles {
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .build();

  private EndpointsFiles() {}

  /** The file of {@code pool} under {@code dir}. */
  public static Path fileOf(Path dir, String pool) {
    return dir.resolve(pool + "-endpoints.yaml");
  }

  /**
   * Writes one file per pool into {@code dir} (created if missing).
   *
   * @return each pool's file, in fleet order
   */
  public static Map<String, Path> write(SimFleet fleet, Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, Path> files = new LinkedHashMap<>();
    fleet.spec().pools().forEach(pool -> files.put(pool.name(), fileOf(dir, pool.name())));
    for (Map.Entry<String, Path> file : files.entrySet()) {
      Path target = file.getValue();
      Path temp = target.resolveSibling(target.getFileName() + ".tmp");
      Files.writeString(temp, render(fleet.pool(file.getKey())));
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
    return files;
  }

  /** The YAML of one pool's servers. */
  public static String render(List<SimServer> servers) throws IOException {
    List<Map<String, Object>> endpoints = servers.stream().map(server -> {
      Map<String, Object> endpoint = new LinkedHashMap<>();
      endpoint.put("name", server.name());
      endpoint.put("address", server.identity().host());
      endpoint.put("port", server.port());
      endpoint.put("labels", new TreeMap<>(server.identity().labels()));
      return endpoint;
    }).toList();
    return YAML.writeValueAsString(Map.of("endpoints", endpoints));
  }
}
