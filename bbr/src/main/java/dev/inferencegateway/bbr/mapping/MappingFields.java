package dev.inferencegateway.bbr.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads the {@code baseModel} and {@code adapters} keys shared by ConfigMaps and the mapping file. */
final class MappingFields {
  static final String BASE_MODEL = "baseModel";
  static final String ADAPTERS = "adapters";
  static final YAMLMapper YAML = new YAMLMapper();

  private MappingFields() {}

  /** Returns the trimmed base model. */
  static String baseModel(String raw, String where) throws InvalidMappingException {
    if (raw == null || raw.isBlank()) {
      throw new InvalidMappingException(where + ": '" + BASE_MODEL + "' is required and must not be empty");
    }
    return raw.strip();
  }

  /** Returns the adapters of a YAML list given as text (a ConfigMap value); blank text means none. */
  static Set<String> adapters(String yamlText, String where) throws InvalidMappingException {
    if (yamlText == null || yamlText.isBlank()) {
      return Set.of();
    }
    try {
      return adapters(YAML.readTree(yamlText), where);
    } catch (JsonProcessingException e) {
      throw new InvalidMappingException(where + ": '" + ADAPTERS + "' is not valid YAML: "
          + e.getOriginalMessage().replace('\n', ' '));
    }
  }

  /** Returns the adapters of a YAML list (trimmed, blanks skipped, duplicates merged). */
  static Set<String> adapters(JsonNode list, String where) throws InvalidMappingException {
    if (list == null || list.isNull() || list.isMissingNode()) {
      return Set.of();
    }
    if (list.isTextual()) {
      return adapters(list.textValue(), where);
    }
    if (!list.isArray()) {
      throw new InvalidMappingException(where + ": '" + ADAPTERS + "' must be a YAML list of adapter names");
    }
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (item.isNull()) {
        continue;
      }
      if (!item.isValueNode()) {
        throw new InvalidMappingException(where + ": '" + ADAPTERS + "[" + i + "]' must be an adapter name, got "
            + item.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      }
      String name = item.asText().strip();
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }
}
