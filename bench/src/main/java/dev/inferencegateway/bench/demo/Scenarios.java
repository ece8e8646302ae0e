package dev.inferencegateway.bench.demo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The built-in demo scenarios, and scenario files read strictly. */
public final class Scenarios {
  /** The scenario the demo runs by default (seed guides 000 and 002). */
  public static final String DEFAULT = "multi-lora";
  /** The built-in scenarios, by {@code --scenario} name. */
  public static final List<String> BUILT_IN = List.of(DEFAULT, "multi-model", "model-names", "qwen-deepseek");

  private static final String RESOURCE_DIR = "demo/scenarios/";
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private Scenarios() {}

  /** The content of a scenario file. */
  private record Content(String description, List<String> guides, String fleet, String routes, JsonNode baseModels,
      Map<String, List<ObjectiveSpec>> objectives, List<SeedRequest> requests) {}

  /**
   * Loads a built-in scenario by name, or a scenario file by path.
   *
   * @throws IllegalArgumentException naming the scenario, the field and the reason
   */
  public static Scenario load(String nameOrPath) {
    if (BUILT_IN.contains(nameOrPath)) {
      try (InputStream in = Scenarios.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + nameOrPath + ".yaml")) {
        if (in == null) {
          throw new IllegalStateException("built-in scenario " + nameOrPath + " is missing from the classpath");
        }
        return parse(nameOrPath, in.readAllBytes());
      } catch (IOException e) {
        throw new IllegalArgumentException("scenario " + nameOrPath + ": " + e.getMessage(), e);
      }
    }
    Path file = Path.of(nameOrPath);
    try {
      return parse(file.toString(), Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("scenario '" + nameOrPath + "' is neither a built-in scenario ("
          + String.join(", ", BUILT_IN) + ") nor a file");
    } catch (IOException e) {
      throw new IllegalArgumentException("scenario file " + file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /** Parses scenario YAML read from {@code source}. */
  public static Scenario parse(String source, byte[] yaml) {
    Content c;
    try {
      c = YAML.readValue(yaml, Content.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("scenario " + source + ": " + describe(e), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("scenario " + source + ": " + e.getMessage(), e);
    }
    if (c == null) {
      throw new IllegalArgumentException("scenario " + source + ": the file is empty");
    }
    try {
      return new Scenario(source, c.description(), c.guides(), c.fleet(), c.routes(), c.baseModels(), c.objectives(),
          c.requests());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("scenario " + source + ": " + e.getMessage(), e);
    }
  }

  private static String describe(JsonProcessingException e) {
    StringBuilder out = new StringBuilder();
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      out.append(m.getPath().stream()
          .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining()).substring(1)).append(": ");
    }
    Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : null;
    out.append(cause != null ? cause.getMessage() : e.getOriginalMessage());
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      out.append(" (line ").append(location.getLineNr()).append(')');
    }
    return out.toString();
  }
}
