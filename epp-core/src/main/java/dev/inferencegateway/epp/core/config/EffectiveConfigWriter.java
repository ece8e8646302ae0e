package dev.inferencegateway.epp.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.DataLayerSource;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.FlowControl;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.PluginRef;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.PluginSpec;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.PriorityBand;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.ProfilePlugin;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.SchedulingProfile;
import dev.inferencegateway.epp.core.plugin.GoDurations;
import java.io.UncheckedIOException;

/**
 * Writes an {@link EndpointPickerConfig} as YAML in the upstream schema, omitting absent optional
 * sections, so that the output can be loaded again.
 */
final class EffectiveConfigWriter {
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private EffectiveConfigWriter() {}

  /** Returns {@code config} as a YAML document. */
  static String toYaml(EndpointPickerConfig config) {
    try {
      return YAML.writeValueAsString(toTree(config));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns {@code config} as a JSON tree in the upstream schema. */
  static ObjectNode toTree(EndpointPickerConfig config) {
    ObjectNode root = NODES.objectNode();
    root.put("apiVersion", config.apiVersion());
    root.put("kind", config.kind());
    if (!config.featureGates().isEmpty()) {
      ArrayNode gates = root.putArray("featureGates");
      config.featureGates().forEach(gates::add);
    }
    ArrayNode plugins = root.putArray("plugins");
    for (PluginSpec spec : config.plugins()) {
      ObjectNode p = plugins.addObject();
      putIfNotNull(p, "name", spec.name());
      putIfNotNull(p, "type", spec.type());
      if (spec.parameters() != null && !spec.parameters().isNull()) {
        p.set("parameters", spec.parameters());
      }
    }
    ArrayNode profiles = root.putArray("schedulingProfiles");
    for (SchedulingProfile profile : config.schedulingProfiles()) {
      ObjectNode p = profiles.addObject();
      putIfNotNull(p, "name", profile.name());
      ArrayNode refs = p.putArray("plugins");
      for (ProfilePlugin ref : profile.plugins()) {
        ObjectNode r = refs.addObject();
        putIfNotNull(r, "pluginRef", ref.pluginRef());
        if (ref.weight() != null) {
          r.put("weight", ref.weight());
        }
      }
    }
    putRef(root, "saturationDetector", config.saturationDetector());
    if (config.dataLayer() != null) {
      ArrayNode sources = root.putObject("dataLayer").putArray("sources");
      for (DataLayerSource source : config.dataLayer().sources()) {
        ObjectNode s = sources.addObject();
        putIfNotNull(s, "pluginRef", source.pluginRef());
        ArrayNode extractors = s.putArray("extractors");
        source.extractors().forEach(e -> putIfNotNull(extractors.addObject(), "pluginRef", e.pluginRef()));
      }
    }
    if (config.flowControl() != null) {
      root.set("flowControl", flowControl(config.flowControl()));
    }
    putRef(root, "parser", config.parser());
    return root;
  }

  private static ObjectNode flowControl(FlowControl fc) {
    ObjectNode node = NODES.objectNode();
    putIfNotNull(node, "maxBytes", fc.maxBytes() == null ? null : fc.maxBytes().text());
    if (fc.maxRequests() != null) {
      node.put("maxRequests", fc.maxRequests());
    }
    putIfNotNull(node, "defaultRequestTTL",
        fc.defaultRequestTTL() == null ? null : GoDurations.format(fc.defaultRequestTTL()));
    if (fc.defaultPriorityBand() != null) {
      node.set("defaultPriorityBand", band(fc.defaultPriorityBand()));
    }
    if (!fc.priorityBands().isEmpty()) {
      ArrayNode bands = node.putArray("priorityBands");
      fc.priorityBands().forEach(b -> bands.add(band(b)));
    }
    putIfNotNull(node, "usageLimitPolicyPluginRef", fc.usageLimitPolicyPluginRef());
    return node;
  }

  private static ObjectNode band(PriorityBand band) {
    ObjectNode node = NODES.objectNode();
    if (band.priority() != null) {
      node.put("priority", band.priority());
    }
    putIfNotNull(node, "maxBytes", band.maxBytes() == null ? null : band.maxBytes().text());
    if (band.maxRequests() != null) {
      node.put("maxRequests", band.maxRequests());
    }
    putIfNotNull(node, "fairnessPolicyRef", band.fairnessPolicyRef());
    putIfNotNull(node, "orderingPolicyRef", band.orderingPolicyRef());
    return node;
  }

  private static void putRef(ObjectNode parent, String field, PluginRef ref) {
    if (ref != null) {
      putIfNotNull(parent.putObject(field), "pluginRef", ref.pluginRef());
    }
  }

  private static void putIfNotNull(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
