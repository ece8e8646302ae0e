package dev.inferencegateway.bbr.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.inferencegateway.epp.core.plugin.PluginParameters;
import java.util.Objects;
import java.util.Optional;

/**
 * One plugin of the BBR chain, as given with {@code --plugin <type>:<name>[:<json>]}.
 *
 * @param type the registered plugin type
 * @param name the instance name (unique in the chain)
 * @param parameters the JSON parameters, when given
 */
public record PluginSpec(String type, String name, Optional<JsonNode> parameters) {
  public PluginSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parameters, "parameters");
  }

  /**
   * Parses a {@code --plugin} value; the JSON may itself contain colons.
   *
   * @throws IllegalArgumentException naming the value and what is wrong with it
   */
  public static PluginSpec parse(String value) {
    String spec = value == null ? "" : value.trim();
    int first = spec.indexOf(':');
    if (first <= 0) {
      throw invalid(spec, first == 0 ? "the plugin type is empty" : "expected <type>:<name>[:<json>]");
    }
    String type = spec.substring(0, first).trim();
    String rest = spec.substring(first + 1);
    int second = rest.indexOf(':');
    String name = (second < 0 ? rest : rest.substring(0, second)).trim();
    if (name.isEmpty()) {
      throw invalid(spec, "the plugin name is empty (expected <type>:<name>[:<json>])");
    }
    if (second < 0 || rest.substring(second + 1).isBlank()) {
      return new PluginSpec(type, name, Optional.empty());
    }
    String json = rest.substring(second + 1);
    try {
      JsonNode node = PluginParameters.mapper().readTree(json);
      if (!node.isObject()) {
        throw invalid(spec, "the parameters of plugin '" + name + "' must be a JSON object");
      }
      return new PluginSpec(type, name, Optional.of(node));
    } catch (JsonProcessingException e) {
      throw invalid(spec, "the parameters of plugin '" + name + "' are not valid JSON: "
          + e.getOriginalMessage().replace('\n', ' '));
    }
  }

  /** Returns the spec as a {@code --plugin} value. */
  public String toFlagValue() {
    return type + ":" + name + parameters.map(p -> ":" + p).orElse("");
  }

  private static IllegalArgumentException invalid(String spec, String reason) {
    return new IllegalArgumentException("invalid --plugin '" + spec + "': " + reason);
  }
}
