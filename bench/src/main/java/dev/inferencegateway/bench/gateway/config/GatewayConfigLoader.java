package dev.inferencegateway.bench.gateway.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.inferencegateway.epp.core.plugin.PluginParameters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads a route file strictly: unknown keys, wrong types, bad values and references to undefined
 * pools stop loading with a {@link GatewayConfigException} naming the file, the field and the reason.
 */
public final class GatewayConfigLoader {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String CLASSPATH = "classpath:";

  private GatewayConfigLoader() {}

  /** Loads {@code location}: a file path, or {@code classpath:gateway/seed-routes.yaml} for a bundled file. */
  public static GatewayConfig load(String location) {
    if (location.startsWith(CLASSPATH)) {
      String resource = location.substring(CLASSPATH.length());
      try (InputStream in = GatewayConfigLoader.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new GatewayConfigException(location, "", "no such resource on the classpath");
        }
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), location);
      } catch (IOException e) {
        throw new GatewayConfigException(location, "", "cannot be read: " + e.getMessage());
      }
    }
    return load(Path.of(location));
  }

  /** Loads the route file at {@code file}. */
  public static GatewayConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new GatewayConfigException(file.toString(), "", "cannot be read: " + e);
    }
    return parse(text, file.toString());
  }

  /** Parses route file text; {@code source} names it in errors. */
  public static GatewayConfig parse(String yaml, String source) {
    JsonNode tree;
    try {
      tree = YAML.readTree(yaml);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")";
      throw new GatewayConfigException(source, "", "is not valid YAML" + where + ": " + e.getOriginalMessage());
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw new GatewayConfigException(source, "", "is empty");
    }
    if (!tree.isObject()) {
      throw new GatewayConfigException(source, "", "must be a mapping with listen, bbr, timeouts, pools and routes");
    }
    try {
      return PluginParameters.mapper().treeToValue(tree, GatewayConfig.class);
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", "));
      throw new GatewayConfigException(source, path(e), "unknown key (known here: " + known + ")");
    } catch (ValueInstantiationException e) {
      throw fromValidation(source, path(e), e.getCause() == null ? e : e.getCause());
    } catch (InvalidFormatException e) {
      String expected = e.getTargetType().isEnum()
          ? "one of " + Arrays.toString(enumNames(e.getTargetType())) : e.getTargetType().getSimpleName();
      throw new GatewayConfigException(source, path(e), "invalid value '" + e.getValue() + "' (expected "
          + expected + ")");
    } catch (MismatchedInputException e) {
      throw new GatewayConfigException(source, path(e), "wrong type: " + e.getOriginalMessage());
    } catch (JsonMappingException e) {
      throw new GatewayConfigException(source, path(e), e.getOriginalMessage());
    } catch (JacksonException e) {
      throw new GatewayConfigException(source, "", e.getOriginalMessage());
    }
  }

  private static GatewayConfigException fromValidation(String source, String path, Throwable cause) {
    String message = String.valueOf(cause.getMessage());
    if (message.startsWith("'")) {
      int end = message.indexOf('\'', 1);
      if (end > 0) {
        String field = message.substring(1, end);
        return new GatewayConfigException(source, path.isEmpty() ? field : path + "." + field,
            message.substring(end + 1).trim());
      }
    }
    return new GatewayConfigException(source, path, message);
  }

  private static String[] enumNames(Class<?> type) {
    return Arrays.stream(type.getEnumConstants()).map(constant -> {
      try {
        var property = type.getField(((Enum<?>) constant).name())
            .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        return property == null ? constant.toString() : property.value();
      } catch (NoSuchFieldException e) {
        return constant.toString();
      }
    }).toArray(String[]::new);
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
    return out.toString();
  }
}
