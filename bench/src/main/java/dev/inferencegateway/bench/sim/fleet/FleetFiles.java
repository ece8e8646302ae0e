package dev.inferencegateway.bench.sim.fleet;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.inferencegateway.epp.core.plugin.GoDurations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Reads fleet files strictly: kebab-case keys, Go durations, no unknown keys; every error names the
 * file, the field path and the reason, with the line of a malformed value (not for unknown keys and
 * out-of-range values, which Jackson reports only at the end of their record).
 */
public final class FleetFiles {
  /** The prefix of fleet files read from the classpath, e.g. {@code classpath:fleets/seed-demo.yaml}. */
  public static final String CLASSPATH_PREFIX = "classpath:";

  private static final YAMLMapper YAML = YAMLMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .addModule(new SimpleModule("go-durations").addDeserializer(Duration.class, new GoDurationDeserializer()))
      .build();

  private FleetFiles() {}

  /** Reads {@code location}: a file path, or {@code classpath:<resource>}. */
  public static FleetSpec load(String location) {
    if (location.startsWith(CLASSPATH_PREFIX)) {
      String resource = location.substring(CLASSPATH_PREFIX.length());
      try (InputStream in = FleetFiles.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new FleetFileException("fleet file " + location + ": no such classpath resource", null);
        }
        return parse(location, in.readAllBytes());
      } catch (IOException e) {
        throw new FleetFileException("fleet file " + location + ": " + e.getMessage(), e);
      }
    }
    return load(Path.of(location));
  }

  /** Reads the fleet file at {@code path}. */
  public static FleetSpec load(Path path) {
    try {
      return parse(path.toString(), Files.readAllBytes(path));
    } catch (IOException e) {
      throw new FleetFileException("fleet file " + path + ": cannot read: " + e, e);
    }
  }

  /** Parses fleet YAML; {@code source} names it in errors. */
  public static FleetSpec parse(String source, byte[] yaml) {
    try {
      FleetSpec spec = YAML.readValue(yaml, FleetSpec.class);
      if (spec == null) {
        throw new FleetFileException("fleet file " + source + ": empty", null);
      }
      return spec;
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(Object::toString)
          .sorted().collect(Collectors.joining(", "));
      throw new FleetFileException("fleet file " + source + ": " + path(e) + ": unknown key (known: " + known + ")", e);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new FleetFileException("fleet file " + source + ": " + path(e) + ": " + cause.getMessage(), e);
    } catch (InvalidFormatException e) {
      throw error(source, e, "invalid value '" + e.getValue() + "': " + e.getOriginalMessage());
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof JacksonYAMLParseException syntax) {
        throw invalidYaml(source, syntax);
      }
      throw error(source, e, e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw invalidYaml(source, e);
    } catch (IOException e) {
      throw new FleetFileException("fleet file " + source + ": " + e.getMessage(), e);
    }
  }

  private static FleetFileException invalidYaml(String source, JsonProcessingException e) {
    return new FleetFileException("fleet file " + source + ": invalid YAML" + at(e.getLocation()) + ": "
        + e.getOriginalMessage().replaceAll("\\s*\\n\\s*", " "), e);
  }

  private static FleetFileException error(String source, JsonMappingException e, String reason) {
    return new FleetFileException("fleet file " + source + ": " + path(e) + at(e.getLocation()) + ": " + reason, e);
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.isEmpty() ? "(top level)" : out.toString();
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
  }

  private static final class GoDurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (Duration) ctx.handleUnexpectedToken(Duration.class, p);
      }
      try {
        return GoDurations.parse(p.getText());
      } catch (IllegalArgumentException e) {
        throw InvalidFormatException.from(p, e.getMessage(), p.getText(), Duration.class);
      }
    }
  }
}
