package dev.inferencegateway.epp.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inferencegateway.epp.core.plugin.GoDurations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Strict, typed access to one object of the configuration tree: unknown keys and values of the
 * wrong type are decode errors that name the field path and its line.
 *
 * <p>A {@code null} value is treated as absent, as Go's decoder does.
 */
final class StrictObject {
  private final ConfigErrors errors;
  private final JsonNode node;
  private final String path;

  private StrictObject(ConfigErrors errors, JsonNode node, String path) {
    this.errors = errors;
    this.node = node;
    this.path = path;
  }

  /**
   * Wraps {@code node}, which must be an object whose keys are all in {@code known}.
   *
   * @throws ConfigException when it is not an object or has an unknown key
   */
  static StrictObject of(ConfigErrors errors, JsonNode node, String path, List<String> known) {
    if (!node.isObject()) {
      throw errors.at(path, ConfigErrors.DECODE + describe(path) + " must be an object, got "
          + kind(node));
    }
    Set<String> allowed = Set.copyOf(known);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        String fieldPath = child(path, name);
        throw errors.at(fieldPath, ConfigErrors.DECODE + "strict decoding error: unknown field \""
            + fieldPath + "\" (known fields: " + String.join(", ", known) + ")");
      }
    }
    return new StrictObject(errors, node, path);
  }

  /** Returns the path of this object. */
  String path() {
    return path;
  }

  /** Returns the path of field {@code name}. */
  String pathOf(String name) {
    return child(path, name);
  }

  /** Returns true when {@code name} is present and not null. */
  boolean has(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  /** Returns the raw value of {@code name}, or null when absent. */
  JsonNode raw(String name) {
    return has(name) ? node.get(name) : null;
  }

  /** Returns the string {@code name}, or null when absent. */
  String string(String name) {
    JsonNode v = raw(name);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw typeError(name, v, "a string");
    }
    return v.textValue();
  }

  /** Returns the number {@code name} (an integer or a float), or null when absent. */
  Double number(String name) {
    JsonNode v = raw(name);
    if (v == null) {
      return null;
    }
    if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
      throw typeError(name, v, "a finite number");
    }
    return v.doubleValue();
  }

  /** Returns the integer {@code name} within [min, max], or null when absent. */
  Long integer(String name, long min, long max) {
    JsonNode v = raw(name);
    if (v == null) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
      throw typeError(name, v, "an integer between " + min + " and " + max);
    }
    return v.longValue();
  }

  /** Returns the Kubernetes quantity {@code name} (a string such as {@code 10Gi} or an integer), or null. */
  Quantity quantity(String name) {
    JsonNode v = raw(name);
    if (v == null) {
      return null;
    }
    if (!v.isTextual() && !v.isIntegralNumber()) {
      throw typeError(name, v, "a quantity such as 10Gi or 500M");
    }
    try {
      return Quantity.parse(v.asText());
    } catch (IllegalArgumentException e) {
      throw errors.at(pathOf(name), ConfigErrors.DECODE + describe(pathOf(name)) + ": " + e.getMessage());
    }
  }

  /** Returns the Go duration {@code name} (e.g. {@code 60s}), or null when absent. */
  Duration duration(String name) {
    String text = string(name);
    if (text == null) {
      return null;
    }
    try {
      return GoDurations.parse(text);
    } catch (IllegalArgumentException e) {
      throw errors.at(pathOf(name), ConfigErrors.DECODE + describe(pathOf(name)) + ": " + e.getMessage());
    }
  }

  /** Returns the object {@code name} with the given known keys, or null when absent. */
  StrictObject object(String name, List<String> known) {
    JsonNode v = raw(name);
    return v == null ? null : of(errors, v, pathOf(name), known);
  }

  /** Decodes each element of the list {@code name}; an absent list is empty. */
  <T> List<T> list(String name, BiFunction<JsonNode, String, T> element) {
    JsonNode v = raw(name);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw typeError(name, v, "a list");
    }
    List<T> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      out.add(element.apply(v.get(i), pathOf(name) + "[" + i + "]"));
    }
    return out;
  }

  /** Returns the list of strings {@code name}; an absent list is empty. */
  List<String> strings(String name) {
    return list(name, (item, itemPath) -> {
      if (!item.isTextual()) {
        throw errors.at(itemPath, ConfigErrors.DECODE + describe(itemPath) + " must be a string, got "
            + kind(item));
      }
      return item.textValue();
    });
  }

  private ConfigException typeError(String name, JsonNode value, String expected) {
    return errors.at(pathOf(name), ConfigErrors.DECODE + describe(pathOf(name)) + " must be "
        + expected + ", got " + kind(value));
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String describe(String path) {
    return path.isEmpty() ? "the document" : "field \"" + path + "\"";
  }

  private static String kind(JsonNode v) {
    if (v.isTextual()) {
      return "string \"" + v.textValue() + "\"";
    }
    if (v.isContainerNode()) {
      return v.isArray() ? "a list" : "an object";
    }
    return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + v;
  }
}
