package dev.inferencegateway.epp.datastore.staticendpoints;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Parses an endpoints file (format in the package documentation), strictly. */
final class EndpointsFile {
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** The file's root. */
  record Content(List<Entry> endpoints, List<ObjectiveEntry> objectives) {}

  /** One endpoint of the file. */
  record Entry(String name, String address, Integer port, Integer metricsPort, Map<String, String> labels) {}

  /** One InferenceObjective of the file. */
  record ObjectiveEntry(String name, Integer priority) {}

  /**
   * What a file holds.
   *
   * @param endpoints the endpoints, in file order
   * @param objectives the objectives by name, in file order
   */
  record Parsed(List<EndpointMetadata> endpoints, Map<String, Objective> objectives) {}

  private EndpointsFile() {}

  /**
   * Parses {@code bytes} read from {@code file}.
   *
   * @throws IllegalArgumentException naming the file, the field and the reason
   */
  static Parsed parse(Path file, byte[] bytes, String namespace) {
    Content content;
    try {
      content = YAML.readValue(bytes, Content.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("endpoints file " + file + ": " + describe(e), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("endpoints file " + file + ": " + e.getMessage(), e);
    }
    if (content == null || content.endpoints() == null) {
      throw new IllegalArgumentException("endpoints file " + file + ": 'endpoints' (a list) is missing");
    }
    List<EndpointMetadata> out = new ArrayList<>();
    for (int i = 0; i < content.endpoints().size(); i++) {
      out.add(entry(file, i, content.endpoints().get(i), namespace));
    }
    StaticEndpoints.checkUnique(out, "endpoints file " + file);
    return new Parsed(out, objectives(file, content.objectives()));
  }

  private static Map<String, Objective> objectives(Path file, List<ObjectiveEntry> entries) {
    Map<String, Objective> out = new LinkedHashMap<>();
    for (int i = 0; entries != null && i < entries.size(); i++) {
      String where = "endpoints file " + file + ": objectives[" + i + "]";
      ObjectiveEntry entry = entries.get(i);
      if (entry == null || entry.name() == null || entry.name().isBlank()) {
        throw new IllegalArgumentException(where + ".name is required");
      }
      String name = entry.name().trim();
      if (out.put(name, new Objective(name, entry.priority() == null ? 0 : entry.priority())) != null) {
        throw new IllegalArgumentException(where + ".name: objective '" + name + "' is listed twice");
      }
    }
    return out;
  }

  private static EndpointMetadata entry(Path file, int index, Entry entry, String namespace) {
    String where = "endpoints file " + file + ": endpoints[" + index + "]";
    if (entry == null) {
      throw new IllegalArgumentException(where + " is empty");
    }
    if (entry.address() == null || entry.address().isBlank()) {
      throw new IllegalArgumentException(where + ".address is required");
    }
    int port = checkPort(where + ".port", entry.port(), true);
    int metricsPort = entry.metricsPort() == null ? port : checkPort(where + ".metricsPort", entry.metricsPort(), false);
    String address = entry.address().trim();
    if (address.startsWith("[") && address.endsWith("]")) {
      address = address.substring(1, address.length() - 1);
    }
    return StaticEndpoints.endpoint(entry.name(), namespace, address, port, metricsPort,
        entry.labels() == null ? Map.of() : entry.labels());
  }

  private static int checkPort(String field, Integer value, boolean required) {
    if (value == null && required) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (value == null || value < 1 || value > 65535) {
      throw new IllegalArgumentException(field + " must be in 1..65535, got " + value);
    }
    return value;
  }

  private static String describe(JsonProcessingException e) {
    StringBuilder out = new StringBuilder();
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      out.append(m.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining()).substring(1)).append(": ");
    }
    if (e instanceof UnrecognizedPropertyException u) {
      out.append("unknown field (known: ").append(u.getKnownPropertyIds().stream().map(Object::toString).sorted()
          .collect(Collectors.joining(", "))).append(")");
    } else {
      out.append(e.getOriginalMessage());
    }
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      out.append(" (line ").append(location.getLineNr()).append(')');
    }
    return out.toString();
  }
}
