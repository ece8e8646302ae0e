package dev.inferencegateway.bbr.mapping;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the base-model mapping of one labelled ConfigMap. */
public final class ConfigMapMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigMapMapping.class);

  private ConfigMapMapping() {}

  /** Returns the name under which a ConfigMap's mapping is stored: {@code ConfigMap <ns>/<name>}. */
  public static String owner(String namespace, String name) {
    return "ConfigMap " + namespace + "/" + name;
  }

  /**
   * Parses the {@code baseModel} (required) and {@code adapters} (optional YAML list) keys; other keys
   * are ignored with a warning.
   *
   * @throws InvalidMappingException naming the ConfigMap, the key and the reason
   */
  public static MappingSet parse(ConfigMap configMap) throws InvalidMappingException {
    String owner = owner(configMap.getMetadata().getNamespace(), configMap.getMetadata().getName());
    Map<String, String> data = configMap.getData() == null ? Map.of() : configMap.getData();
    String baseModel = MappingFields.baseModel(data.get(MappingFields.BASE_MODEL), owner);
    Set<String> adapters = MappingFields.adapters(data.get(MappingFields.ADAPTERS), owner);
    List<String> unknown = data.keySet().stream()
        .filter(k -> !k.equals(MappingFields.BASE_MODEL) && !k.equals(MappingFields.ADAPTERS)).sorted().toList();
    if (!unknown.isEmpty()) {
      LOG.warn("{}: ignoring unknown keys {} (expected '{}' and '{}')", owner, unknown,
          MappingFields.BASE_MODEL, MappingFields.ADAPTERS);
    }
    return new MappingSet(owner, created(configMap), 0, baseModel, adapters);
  }

  private static Instant created(ConfigMap configMap) {
    String timestamp = configMap.getMetadata().getCreationTimestamp();
    if (timestamp == null || timestamp.isBlank()) {
      return Instant.MAX;
    }
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return Instant.MAX;
    }
  }
}
