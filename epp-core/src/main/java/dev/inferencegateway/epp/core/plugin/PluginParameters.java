package dev.inferencegateway.epp.core.plugin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Strictly parses a plugin's {@code parameters} into its parameter record.
 *
 * <p>Unknown keys, wrong types, nulls for primitives and trailing data are errors. Records apply
 * upstream defaults for absent fields and validate ranges in their compact constructors by
 * throwing {@link IllegalArgumentException} whose message starts with the field name in quotes,
 * e.g. {@code "'threshold' must be > 0"}. {@link Duration} fields accept Go duration strings.
 */
public final class PluginParameters {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .addModule(new SimpleModule("go-durations").addDeserializer(Duration.class, new GoDurationDeserializer()))
      .build();

  private PluginParameters() {}

  /** Returns the shared strict mapper (for nested parameter structures). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses {@code parameters} (null or missing means an empty object) into {@code type}.
   *
   * @throws PluginParameterException naming the plugin and field
   */
  public static <P> P parse(TypedName plugin, JsonNode parameters, Class<P> type) {
    JsonNode node = parameters == null || parameters.isNull() || parameters.isMissingNode()
        ? JsonNodeFactory.instance.objectNode() : parameters;
    if (!node.isObject()) {
      throw new PluginParameterException(plugin, "", "parameters must be an object, got " + node.getNodeType());
    }
    try {
      return MAPPER.treeToValue(node, type);
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", "));
      throw new PluginParameterException(plugin, path(e), "unknown parameter"
          + (known.isEmpty() ? " (this plugin takes no parameters)" : " (known: " + known + ")"));
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String message = cause.getMessage();
      if (message != null && message.startsWith("'")) {
        int end = message.indexOf('\'', 1);
        String field = end > 0 ? message.substring(1, end) : "";
        String rest = end > 0 ? message.substring(end + 1).trim() : message;
        throw new PluginParameterException(plugin, field, rest);
      }
      throw new PluginParameterException(plugin, "", String.valueOf(message));
    } catch (InvalidFormatException e) {
      throw new PluginParameterException(plugin, path(e), "invalid value '" + e.getValue()
          + "' (expected " + e.getTargetType().getSimpleName() + ")");
    } catch (MismatchedInputException e) {
      throw new PluginParameterException(plugin, path(e), "wrong type: " + e.getOriginalMessage());
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause();
      String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
      throw new PluginParameterException(plugin, path(e), reason);
    } catch (IOException e) {
      throw new PluginParameterException(plugin, "", e.getMessage());
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static final class GoDurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
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
